/**
 * Reading through encryption at one vantage (SPEC X5, X6, X7): from the outermost layer inward the
 * attacker sees every layer until the first encryption layer it cannot open; it can tamper when
 * it can inject there and forge every authenticated layer around the payload.
 */
import type { ExposureLevel } from '../../model/types.ts';
import type { Layer, Protection, Reason } from '../types.ts';
import type { AttackerKnowledge } from './attacker-knowledge.ts';

/** How a layer can be opened or forged, if at all. */
export type OpenVia = NonNullable<Reason['via']>;

/** One place where an attacker observes a flow's packets. */
export interface Vantage {
  /** `link:l1`, `device:sw`, `host:c1`, `workload:vm`, `mirror:br`. */
  id: string;
  stack: readonly Layer[];
  /** The node the packet is inside of at this vantage (devices, root hosts, mirrored hosts). */
  node?: string;
  /** Whether the attacker can inject here. */
  inject: boolean;
}

/** The result of reading one stack. */
export interface StackReading {
  level: ExposureLevel;
  tamper: boolean;
  reasons: Reason[];
}

/** How a protection's keys are available to the attacker for reading and forging, or undefined. */
function accessVia(p: Protection, node: string | undefined, k: AttackerKnowledge): Exclude<OpenVia, 'integrity-only' | 'endpoint'> | undefined {
  // The node's network stack removes IPsec, WireGuard and MACsec; TLS ends in the application
  // (a guest or a host process), so only root on that host holds it (SPEC X4), never a bridge mirror.
  if (node !== undefined && p.kind !== 'tls' && p.endpoints.includes(node)) return 'terminated';
  for (const e of p.endpoints) if (k.keyNodes.has(e)) return 'root';
  const ks = p.keystore;
  if (ks === undefined || !k.keystores.has(ks)) return undefined;
  if (p.auth === 'static') return 'static-key';
  // With IKE and Diffie-Hellman a PSK or CA key only helps a man in the middle (SPEC X5).
  if (k.canInject && (p.auth === 'psk' || p.auth === 'ca')) return p.auth === 'psk' ? 'mitm-psk' : 'mitm-ca';
  return undefined;
}

/** Why a protection's keys are available to the attacker, with the key store used, or undefined. */
function keyAccess(p: Protection, vantage: Vantage, k: AttackerKnowledge): { via: OpenVia; keystore?: string } | undefined {
  const via = accessVia(p, vantage.node, k);
  if (via === undefined) return undefined;
  // Only the key-store routes use a key store; terminated and root ones hold the keys themselves.
  return via === 'terminated' || via === 'root' ? { via } : { via, keystore: p.keystore! };
}

/** Bit of `readOutcome` set when the attacker can tamper at the vantage. */
export const TAMPER_BIT = 4;

/**
 * What `readStack` concludes at a vantage (its stack, node and whether it can inject there, passed
 * apart so that no vantage object is needed), without its reasons and without allocating: the
 * level's rank (`LEVEL_RANK`: metadata 1, headers 2, payload 3), plus `TAMPER_BIT` when it can
 * tamper. Callers that keep one reading of many build the reasons of that one alone.
 */
export function readOutcome(stack: readonly Layer[], node: string | undefined, inject: boolean, k: AttackerKnowledge): number {
  let forgeable = true;
  let l4Visible = false;
  let payloadVisible = false;
  for (const layer of stack) {
    if (layer.own && (layer.kind === 'tcp' || layer.kind === 'udp')) l4Visible = true;
    if (layer.kind === 'payload') payloadVisible = true;
    const p = layer.protection;
    if (!p) continue;
    const via = accessVia(p, node, k);
    if (via === undefined) forgeable = false;
    // The first layer it can neither open nor see through ends the reading (as in readStack).
    if (via === undefined && p.confidential) break;
  }
  const rank = payloadVisible ? 3 : l4Visible ? 2 : 1;
  return rank + (inject && forgeable ? TAMPER_BIT : 0);
}

/**
 * The layer a reason is about, by its protection's id. Its cipher is not named: whether a layer
 * stops an attacker depends on its keys and on whether it is confidential at all (the
 * integrity-only text says so), never on which confidential cipher it uses, and the stack of the
 * hop shows the cipher in the layer's label. So an edit that swaps one confidential cipher for
 * another of the same sizes changes no exposure (session/update-ciphers.ts).
 */
function describe(p: Protection): string {
  return `${p.kind === 'ipsec' ? 'IPsec SA' : p.kind === 'wireguard' ? 'WireGuard tunnel' : p.kind === 'macsec' ? 'MACsec' : 'TLS'} ${p.id}`;
}

const VIA_TEXT: Record<OpenVia, string> = {
  terminated: 'is terminated here, so it is decrypted inside this node',
  root: 'ends on a node whose keys the attacker holds',
  'static-key': 'uses static keys from a key store the attacker knows (passive decryption)',
  'mitm-psk': 'is authenticated with a PSK the attacker knows and the attacker can inject (man in the middle during IKE)',
  'mitm-ca': 'is authenticated by a CA whose key the attacker knows and the attacker can inject (man in the middle)',
  'integrity-only': 'is integrity-only and hides nothing',
  endpoint: 'ends in the attacker',
};

/**
 * The text of a reason about one encryption layer at a vantage: how it was opened (`via`), or that
 * it stopped the attacker.
 */
function layerReasonText(vantageId: string, p: Protection, via: OpenVia | undefined): string {
  return via ? `${vantageId}: ${describe(p)} ${VIA_TEXT[via]}` : `${vantageId}: stopped by ${describe(p)}: the attacker holds none of its keys`;
}

/** The reasons that name a vantage alone, made once per attacker and vantage. */
interface VantageReasons {
  sees: Partial<Record<ExposureLevel, Reason>>;
  tamper?: Reason;
}

/**
 * Per attacker, the reasons that depend on the vantage alone: what it sees there, and that it can
 * tamper there. A tapped spine link sees thousands of flows, and each of their exposures keeps
 * these reasons: they are one shared object each (reasons are never changed in place).
 */
const vantageReasons = new WeakMap<AttackerKnowledge, Map<string, VantageReasons>>();

function reasonsAt(k: AttackerKnowledge, vantageId: string): VantageReasons {
  let byVantage = vantageReasons.get(k);
  if (!byVantage) vantageReasons.set(k, (byVantage = new Map()));
  let reasons = byVantage.get(vantageId);
  if (!reasons) byVantage.set(vantageId, (reasons = { sees: {} }));
  return reasons;
}

/** What the attacker sees at a vantage (level metadata, headers or payload). */
function seesReason(k: AttackerKnowledge, vantageId: string, level: ExposureLevel): Reason {
  return (reasonsAt(k, vantageId).sees[level] ??= { text: `${vantageId}: sees ${levelText(level)}`, vantage: vantageId });
}

/** That the attacker can inject at a vantage and forge every authenticated layer around the payload. */
export function tamperReason(k: AttackerKnowledge, vantageId: string): Reason {
  return (reasonsAt(k, vantageId).tamper ??= { text: `${vantageId}: can inject and forge every authenticated layer around the payload`, vantage: vantageId });
}

/** Reads a stack at a vantage: exposure level, tampering and the reasons for both. */
export function readStack(vantage: Vantage, k: AttackerKnowledge): StackReading {
  const reasons: Reason[] = [];
  let forgeable = true;
  let blocked: Layer | undefined;
  let l4Visible = false;
  let payloadVisible = false;
  for (const layer of vantage.stack) {
    if (blocked) break;
    if (layer.own && (layer.kind === 'tcp' || layer.kind === 'udp')) l4Visible = true;
    if (layer.kind === 'payload') payloadVisible = true;
    const p = layer.protection;
    if (!p) continue;
    const access = keyAccess(p, vantage, k);
    if (!access) forgeable = false;
    const via: OpenVia | undefined = access?.via ?? (p.confidential ? undefined : 'integrity-only');
    if (via) {
      reasons.push({ text: layerReasonText(vantage.id, p, via), vantage: vantage.id, protection: p.id, via, ...(access?.keystore ? { keystore: access.keystore } : {}) });
    } else {
      blocked = layer;
      reasons.push({ text: layerReasonText(vantage.id, p, undefined), vantage: vantage.id, protection: p.id });
    }
  }
  const level: ExposureLevel = payloadVisible ? 'payload' : l4Visible ? 'headers' : 'metadata';
  // One exact-size array, seen-level reason first: a reading is kept in its exposure, and an
  // array grown by pushes keeps spare slots.
  const all = new Array<Reason>(reasons.length + 1);
  all[0] = seesReason(k, vantage.id, level);
  for (let i = 0; i < reasons.length; i++) all[i + 1] = reasons[i]!;
  // Every authenticated layer inside the blocker is out of reach too, so forging needs all of them.
  const tamper = vantage.inject && forgeable;
  return { level, tamper, reasons: all };
}

function levelText(level: ExposureLevel): string {
  switch (level) {
    case 'payload':
      return 'the application payload';
    case 'headers':
      return "the flow's inner addresses and ports, not its payload";
    default:
      return 'only packet sizes, timing and outer headers';
  }
}
