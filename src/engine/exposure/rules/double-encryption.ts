/**
 * double-encryption: two network-layer encryptions (IPsec, WireGuard) around the same packet on a
 * link — pure cost (SPEC §2.1; TLS and MACsec do not count).
 */
import type { FlowTrace, Hop, Layer, Protection, Reason } from '../../types.ts';
import { listIds, plural, sortedFlows, sortedUnique, stackText } from './helpers/describe.ts';
import { digestOf, type FlowDigest } from './helpers/flow-digest.ts';
import { countAroundPayload } from './helpers/payload-cover.ts';
import { flowFacts, NESTED } from './helpers/trace-facts.ts';
import type { Rule } from './rule.ts';

/** Every nesting of the same configured protections is one finding, over all its links and flows. */
interface Nesting {
  /** The protections, outermost first, as first seen. */
  protections: Protection[];
  links: string[];
  /** The same links, for membership tests on busy nestings. */
  linkSet: Set<string>;
  flows: string[];
  reasons: Reason[];
}

function describeProtection(protection: Protection): string {
  return `${protection.kind === 'wireguard' ? 'WireGuard' : 'IPsec'} ${protection.source}`;
}

/** Confidential IPsec / WireGuard layers: integrity-only ESP encrypts nothing, so it is no double cost. */
function isNetworkEncryption(layer: Layer): boolean {
  const p = layer.protection;
  return p !== undefined && p.confidential && (p.kind === 'ipsec' || p.kind === 'wireguard');
}

const NONE: Protection[] = [];

/** The network-layer encryptions around the payload of a stack, outermost first, when there are two or more. */
function nestedEncryptions(stack: readonly Layer[]): Protection[] {
  if (countAroundPayload(stack, isNetworkEncryption) < 2) return NONE;
  const protections: Protection[] = [];
  for (const layer of stack) {
    if (layer.kind === 'payload') break;
    if (isNetworkEncryption(layer)) protections.push(layer.protection!);
  }
  return protections;
}

/** A hop of a flow with two or more network-layer encryptions around its payload, outermost first. */
interface NestedHop {
  hop: Hop;
  protections: Protection[];
}

/** The hops of a trace with nested network-layer encryption, in path order (each stack read once). */
function nestedHops(trace: FlowTrace): NestedHop[] {
  const out: NestedHop[] = [];
  let last: readonly Layer[] | undefined;
  let protections = NONE;
  for (const hop of trace.hops) {
    // Hops of one leg share their stack: read it once.
    if (hop.stack !== last) protections = nestedEncryptions(hop.stack);
    last = hop.stack;
    if (protections.length >= 2) out.push({ hop, protections });
  }
  return out;
}

/** What this rule reads of a flow's trace with nested encryption: those hops (a reason's text is made only for a link seen first). */
const nestedDigest: FlowDigest<NestedHop[]> = {
  wants: (_flow, facts) => (facts & NESTED) !== 0,
  make: (_flow, trace) => nestedHops(trace),
};

function collectNestings(
  flows: readonly string[],
  hopsOf: (flow: string) => readonly NestedHop[],
): Map<string, Nesting> {
  const nestings = new Map<string, Nesting>();
  for (const flow of flows) {
    for (const { hop, protections } of hopsOf(flow)) {
      const key = protections.map((p) => `${p.kind}:${p.source}`).join('>');
      let nesting = nestings.get(key);
      if (!nesting) {
        nesting = { protections, links: [], linkSet: new Set(), flows: [], reasons: [] };
        nestings.set(key, nesting);
      }
      // Flows come one at a time, so a flow already listed is the last one listed.
      if (nesting.flows[nesting.flows.length - 1] !== flow) nesting.flows.push(flow);
      if (!nesting.linkSet.has(hop.link)) {
        nesting.linkSet.add(hop.link);
        nesting.links.push(hop.link);
        nesting.reasons.push({
          text: `link ${hop.link} (flow ${flow}): ${stackText(hop)}`,
          vantage: `link:${hop.link}`,
        });
      }
    }
  }
  return nestings;
}

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const doubleEncryption: Rule = {
  id: 'double-encryption',
  title: 'Packets encrypted twice at the network layer',
  severity: 'low',
  description:
    'Two network-layer encryptions (IPsec, WireGuard) wrap the same packet on a link, for example WireGuard around IPsec-protected tunnels.',
  rationale:
    'The inner encryption already hides everything the outer one hides from a tap between the same hosts, so the ' +
    'second layer adds per-packet headers (lower MTU for the workloads) and a second round of crypto on both ' +
    'endpoints (SPEC T1, T4) for no additional protection. TLS and MACsec protect other segments or the ' +
    'application and do not count.',
  remediation:
    'Keep one of the two: for example disable the overlay IPsec where WireGuard already carries the tunnel packets, ' +
    'or exclude the tunnel traffic from the host IPsec selector.',
  falsePositives:
    'Layers whose endpoints differ (a site-to-site tunnel between gateways around host-to-host IPsec) protect ' +
    'against different attackers, such as a compromised gateway; or defence in depth chosen on purpose.',
  digest: nestedDigest,
  check(ctx) {
    const facts = flowFacts(ctx);
    // A loop, not a flatMap: that made an array per flow (50,000 of them, each cipher edit again).
    const sorted = sortedFlows(ctx);
    const flows: string[] = [];
    for (let i = 0; i < sorted.length; i++) if (nestedDigest.wants(sorted[i]!, facts[i]!, ctx.index)) flows.push(sorted[i]!.id);
    const nestings = collectNestings(flows, (flow) => digestOf(nestedDigest, ctx, flow) ?? []);
    for (const nesting of nestings.values()) {
      const [outer, ...inner] = nesting.protections;
      if (!outer) continue;
      ctx.report({
        subjects: sortedUnique([...nesting.protections.map((p) => p.source), ...nesting.links]),
        message:
          `${describeProtection(outer)} wraps ${listIds(inner.map(describeProtection))} on ` +
          `${plural(nesting.links.length, 'link')} ${listIds(nesting.links)}: ` +
          `${plural(nesting.flows.length, 'flow')} ${listIds(nesting.flows)} ${nesting.flows.length === 1 ? 'is' : 'are'} encrypted twice.`,
        reasons: nesting.reasons,
      });
    }
  },
};
