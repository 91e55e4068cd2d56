/**
 * The crypto load of every host added up from the session's cipher tapes (`CipherTapes`), for a
 * cipher edit that costs most flows again (session/update-ciphers.ts): each flow's cores at each
 * host and SA are on its tape, so the sums are typed arrays indexed by host and slot, filled flow
 * by flow in flow order, rather than a map of per-host lists filled from every flow's figures. The
 * additions are those of `addToHostSums` in the same order, so the loads are the same to the last
 * bit (SPEC T7; tested against a full analysis).
 */
import type { Host } from '../../model/types.ts';
import { hostLoadWith } from './estimate-load.ts';
import { HOST_CORES, SA_CORES, SA_SLOT, SA_STRIDE, saCountAt, type CipherTapes } from './flow-figures.ts';
import type { HostLoad, SaLoad } from './types.ts';

/** Running totals per host of the tapes (`used`) and per slot (`cores`, `seen`: a share was added). */
export interface TapeSums {
  tapes: CipherTapes;
  used: Float64Array;
  cores: Float64Array;
  seen: Uint8Array;
}

/** The arrays of the last sums made (`tapeSums`): an edit's sums are dropped once its loads are worked out, and their arrays serve the next edit. */
let spare: Omit<TapeSums, 'tapes'> | undefined;

/** Empty sums over the hosts and slots of `tapes` (on the arrays of the last sums when they are large enough). */
export function tapeSums(tapes: CipherTapes): TapeSums {
  const hosts = tapes.hosts.length;
  const slots = tapes.slotsUsed;
  if (spare && spare.used.length >= hosts && spare.cores.length >= slots) {
    spare.used.fill(0, 0, hosts);
    spare.cores.fill(0, 0, slots);
    spare.seen.fill(0, 0, slots);
  } else {
    // With room: tapes brought up to date gain slots.
    const room = slots + (slots >> 3);
    spare = {
      used: new Float64Array(hosts + (hosts >> 3)),
      cores: new Float64Array(room),
      seen: new Uint8Array(room),
    };
  }
  return { tapes, ...spare };
}

/** Adds the cores on the tape that starts at `start` to its hosts' sums (hosts without crypto work there add nothing). */
export function addTape(sums: TapeSums, start: number): void {
  const { numbers: t, slotStart } = sums.tapes;
  let o = start;
  const hostCount = t[o++]!;
  for (let h = 0; h < hostCount; h++) {
    const hostRef = t[o]!;
    const cores = t[o + HOST_CORES]!;
    const k = saCountAt(t, o);
    const saCount = t[k]!;
    o = k + 1;
    if (cores < 0) {
      o += SA_STRIDE * saCount;
      continue;
    }
    // Entries start at 0, as a first share was added to nothing before (`addShare`).
    sums.used[hostRef] = sums.used[hostRef]! + cores;
    const base = slotStart[hostRef]!;
    for (let j = 0; j < saCount; j++, o += SA_STRIDE) {
      const slot = base + t[o + SA_SLOT]!;
      sums.cores[slot] = sums.cores[slot]! + t[o + SA_CORES]!;
      sums.seen[slot] = 1;
    }
  }
}

/** The busiest SA of a host (`busiestOf`): most cores, ties by protection id then `inbound` before `outbound`. */
export function tapeBusiest(sums: TapeSums, hostRef: number): SaLoad | null {
  const { slotStart, slotCount, slotInbound, slotRank, slotSa, sas } = sums.tapes;
  const from = slotStart[hostRef]!;
  const to = from + slotCount[hostRef]!;
  let best = -1;
  let bestCores = 0;
  // Inbound slots first, as `busiestOf` reads its entries.
  for (let inbound = 1; inbound >= 0; inbound--) {
    for (let i = from; i < to; i++) {
      if (slotInbound[i] !== inbound || sums.seen[i] === 0) continue;
      const cores = sums.cores[i]!;
      if (best < 0 || cores > bestCores || (cores === bestCores && slotRank[i]! < slotRank[best]!)) {
        best = i;
        bestCores = cores;
      }
    }
  }
  return best < 0
    ? null
    : {
        protection: sas[slotSa[best]!]!.id,
        direction: slotInbound[best] === 1 ? 'inbound' : 'outbound',
        coresUsed: bestCores,
      };
}

/** The crypto load of the host at `hostRef` from the sums (`flows`: its flows' ids, sorted). */
export function tapeHostLoad(host: Host, sums: TapeSums, hostRef: number, flows: string[]): HostLoad {
  return hostLoadWith(host, sums.used[hostRef]!, tapeBusiest(sums, hostRef), flows);
}
