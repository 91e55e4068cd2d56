/**
 * The CPU a flow costs at one host, in numbers only (SPEC T4, T5): the same terms as
 * endpoint-costs.ts (stack, encapsulation, each layer the host adds or removes, TLS), added up in
 * the same order so the sums are bit-for-bit those of `summarizeCost`, but without building term
 * objects or labels — bulk estimates do this for every host of every flow.
 */
import type { Host } from '../../model/types.ts';
import type { Hop, Protection, Wrap } from '../types.ts';
import type { EndpointRole } from './types.ts';
import { wrapInnerBytes } from './hop-mtu.ts';
import { cipherCyclesOf, espCycles, macsecCycles, wireguardSerialCycles, type Direction } from './layer-costs.ts';
import { ENCAP_CYCLES_PER_PACKET, STACK_CYCLES_PER_BYTE } from './packet-costs.ts';
import type { CycleSums, PacketSize } from './endpoint-costs.ts';

/** One IPsec SA's cycles at this host (each direction is its own SA, SPEC T5). */
export interface SaCycles {
  protection: Protection;
  direction: 'outbound' | 'inbound';
  cycles: number;
}

/** A hop next to the host with the link MTU its wraps are folded against. */
export interface HopSide {
  hop: Hop | undefined;
  mtu: number;
}

const inBytes: number[] = [];
const outBytes: number[] = [];
const NO_WRAPS: readonly Wrap[] = Object.freeze([]);

/**
 * What `hostCycles` found at one host, filled in place: a bulk estimate calls it for every host of
 * every flow, and the caller keeps only what it copies out. `sas[0..count)` are this host's SAs;
 * the entries after them are spares from earlier hosts.
 */
export interface HostCyclesOut {
  sums: CycleSums;
  sas: SaCycles[];
  count: number;
  /**
   * Whether the host adds or removes an IPsec layer of the flow: only then can a cipher edit move
   * its figures (session/update-ciphers.ts), whatever they come to (an offloaded SA costs no cycles).
   */
  ipsec: boolean;
}

/**
 * The additions `hostCycles` made, in order, for a cipher edit to make them again with other ESP
 * cycles (`cipherTapes` in flow-figures.ts): each accumulator's terms, where -(k + 1) stands for the
 * ESP cycles of the host's k-th SA; the parallel sum holds no ESP term and is kept whole.
 */
export interface CycleTape {
  serial: number[];
  crypto: number[];
  /** How many entries of each list this host filled. */
  serialCount: number;
  cryptoCount: number;
  /** The serial sum's first value (the stack's cycles), which the terms are added to. */
  start: number;
  /** The bytes each SA's ESP was costed on. */
  bytes: number[];
}

/** An empty tape, reused host after host. */
export function cycleTape(): CycleTape {
  return { serial: [], crypto: [], serialCount: 0, cryptoCount: 0, start: 0, bytes: [] };
}

function onTape(tape: CycleTape | undefined, serial: number | undefined, crypto: number | undefined): void {
  if (!tape) return;
  if (serial !== undefined) tape.serial[tape.serialCount++] = serial;
  if (crypto !== undefined) tape.crypto[tape.cryptoCount++] = crypto;
}

/** A fresh place for `hostCycles` to fill, reused call after call. */
export function hostCyclesOut(): HostCyclesOut {
  return { sums: { serial: 0, parallel: 0, crypto: 0 }, sas: [], count: 0, ipsec: false };
}

function hasEncap(wraps: readonly Wrap[], type: string, source: string): boolean {
  for (const w of wraps) if (w.kind === 'encap' && w.type === type && w.source === source) return true;
  return false;
}

function addSa(out: HostCyclesOut, protection: Protection, direction: SaCycles['direction'], cycles: number): void {
  const spare = out.sas[out.count];
  if (spare) {
    spare.protection = protection;
    spare.direction = direction;
    spare.cycles = cycles;
  } else out.sas.push({ protection, direction, cycles });
  out.count++;
}

/** Adds one hop's layers at this host, as hopTerms does: encapsulation once per tunnel, layers it terminates. */
function addHop(node: string, host: Host, wraps: readonly Wrap[], sizes: number[], other: readonly Wrap[], direction: Direction, out: HostCyclesOut, tape: CycleTape | undefined): void {
  const acc = out.sums;
  for (let i = 0; i < wraps.length; i++) {
    const wrap = wraps[i]!;
    if (wrap.kind === 'encap') {
      if (hasEncap(other, wrap.type, wrap.source)) continue;
      const cycles = host.nic.offload.includes('tunnel-tso') ? 0 : ENCAP_CYCLES_PER_PACKET;
      acc.serial += cycles;
      onTape(tape, cycles, undefined);
      continue;
    }
    const p: Protection = wrap.protection;
    if (!p.endpoints.includes(node)) continue;
    const bytes = sizes[i]!;
    if (wrap.kind === 'wireguard') {
      const serial = wireguardSerialCycles(bytes);
      acc.serial += serial;
      acc.crypto += serial;
      onTape(tape, serial, serial);
      const cipher = cipherCyclesOf(p.cipher, host, bytes, direction);
      acc.parallel += cipher;
      acc.crypto += cipher;
      onTape(tape, undefined, cipher);
    } else if (wrap.kind === 'macsec') {
      const cycles = macsecCycles(p, host, bytes, direction);
      acc.serial += cycles;
      acc.crypto += cycles;
      onTape(tape, cycles, cycles);
    } else {
      out.ipsec = true;
      const cycles = espCycles(p, host, bytes, direction);
      acc.serial += cycles;
      acc.crypto += cycles;
      if (tape) {
        // The SA about to be added: its ESP cycles are worked out again from these bytes.
        onTape(tape, -(out.count + 1), -(out.count + 1));
        tape.bytes[out.count] = bytes;
      }
      addSa(out, p, direction === 'decrypt' ? 'inbound' : 'outbound', cycles);
    }
  }
}

/**
 * Cycle sums of one host on a flow's path and the IPsec SAs it runs, given the hops it receives
 * from and sends on; `tls` is the flow's TLS protection, paid at its two ends only. The result is
 * written into `out` (see `HostCyclesOut`), which is also returned; with `tape`, every addition is
 * also written down there (`CycleTape`).
 */
export function hostCycles(
  node: string,
  host: Host,
  role: EndpointRole,
  sides: { incoming: HopSide; outgoing: HopSide; tls: Protection | undefined },
  packet: PacketSize,
  out: HostCyclesOut,
  tape?: CycleTape,
): HostCyclesOut {
  const acc = out.sums;
  acc.serial = STACK_CYCLES_PER_BYTE * packet.payloadBytes;
  acc.parallel = 0;
  acc.crypto = 0;
  out.count = 0;
  out.ipsec = false;
  if (tape) {
    tape.start = acc.serial;
    tape.serialCount = 0;
    tape.cryptoCount = 0;
  }
  const inWraps = sides.incoming.hop?.wraps ?? NO_WRAPS;
  const outWraps = sides.outgoing.hop?.wraps ?? NO_WRAPS;
  wrapInnerBytes(inWraps, packet.packetBytes, sides.incoming.mtu, inBytes);
  wrapInnerBytes(outWraps, packet.packetBytes, sides.outgoing.mtu, outBytes);
  addHop(node, host, inWraps, inBytes, outWraps, 'decrypt', out, tape);
  addHop(node, host, outWraps, outBytes, inWraps, 'encrypt', out, tape);
  if (sides.tls && role !== 'forwarder') {
    const cycles = cipherCyclesOf(sides.tls.cipher, host, packet.payloadBytes, role === 'source' ? 'encrypt' : 'decrypt');
    acc.serial += cycles;
    acc.crypto += cycles;
    onTape(tape, cycles, cycles);
  }
  return out;
}
