/**
 * integrity-only: ESP-NULL or MACsec without `encrypt` on the path of a confidential flow
 * (SPEC §2.1, X3).
 */
import type { FlowTrace, Layer, Protection, Reason } from '../../types.ts';
import { listIds, sortedFlows } from './helpers/describe.ts';
import { digestOf, type FlowDigest } from './helpers/flow-digest.ts';
import { countAroundPayload, layersAroundPayload } from './helpers/payload-cover.ts';
import { flowFacts, INTEGRITY_ONLY } from './helpers/trace-facts.ts';
import type { Rule } from './rule.ts';

/** How a user would name the protection: by what configures it. */
function describeProtection(protection: Protection): string {
  return protection.kind === 'macsec'
    ? `MACsec without encrypt on ${protection.source}`
    : `ESP-NULL of ${protection.source}`;
}

function isIntegrityOnly(layer: Layer): boolean {
  return layer.protection !== undefined && !layer.protection.confidential;
}

/** Each integrity-only protection around the payload of a trace, once per source, with the first link it is seen on. */
function integrityOnlyLayers(trace: FlowTrace): { protection: Protection; link: string }[] {
  const found = new Map<string, { protection: Protection; link: string }>();
  for (const hop of trace.hops) {
    // Most stacks have no integrity-only layer at all: check before collecting.
    if (countAroundPayload(hop.stack, isIntegrityOnly) === 0) continue;
    for (const layer of layersAroundPayload(hop)) {
      const protection = layer.protection;
      if (!protection || protection.confidential) continue;
      const key = `${protection.kind}:${protection.source}`;
      if (!found.has(key)) found.set(key, { protection, link: hop.link });
    }
  }
  return [...found.values()];
}

/** What this rule reads of a confidential flow's trace with an integrity-only layer. */
const layersDigest: FlowDigest<{ protection: Protection; link: string }[]> = {
  wants: (flow, facts) => (facts & INTEGRITY_ONLY) !== 0 && flow.sensitivity === 'confidential',
  make: (_flow, trace) => integrityOnlyLayers(trace),
};

/** The rule object; its metadata is rendered by the UI's explain panel and by docs/rules.md. */
export const integrityOnly: Rule = {
  id: 'integrity-only',
  title: 'Integrity-only protection on a confidential flow',
  severity: 'medium',
  description:
    'ESP with `cipher: null` or MACsec without `encrypt` lies on the path of a confidential flow, whatever its TLS.',
  rationale:
    'ESP-NULL (RFC 2410) and MACsec with encryption off (the Linux default, `DEFAULT_ENCRYPT false`) authenticate ' +
    'packets but hide nothing (SPEC X3): a tap reads the payload as if no protection were there. They stop ' +
    'injection, which may be all that was wanted, but a confidential flow next to them is usually a configuration ' +
    'slip. With TLS in the application the payload is safe, hence lower severity, yet the inner headers are not.',
  remediation:
    'Choose an encrypting cipher (`aes-gcm-256`, `chacha20-poly1305`) for the IPsec, or set `macsec.encrypt: true` ' +
    '(`ip link add … type macsec encrypt on`).',
  falsePositives:
    'Deliberately integrity-only segments (for example lawful inspection points or troubleshooting), where the ' +
    'confidential flows are protected by other layers on the same hops.',
  scope: 'flow',
  digest: layersDigest,
  check(ctx) {
    // Each flow reports its own finding, so walking them in id order changes nothing but speed.
    const facts = flowFacts(ctx);
    const flows = sortedFlows(ctx);
    for (let i = 0; i < flows.length; i++) {
      const flow = flows[i]!;
      // The flows the digest is worked out for: the same test, so a one-shot analysis has each one's.
      if (!layersDigest.wants(flow, facts[i]!, ctx.index)) continue;
      const items = digestOf(layersDigest, ctx, flow.id);
      if (!items || items.length === 0) continue;
      const reasons: Reason[] = items.map(({ protection, link }) => ({
        text: `${describeProtection(protection)} protects integrity only${protection.kind === 'macsec' ? '' : ` (seen on ${link})`}`,
        vantage: `link:${link}`,
        protection: protection.id,
        via: 'integrity-only',
      }));
      ctx.report({
        subjects: [flow.id, ...items.map(({ protection }) => protection.source)],
        message:
          `Confidential flow ${flow.id} (${flow.from} → ${flow.to}) crosses ` +
          `${listIds(items.map(({ protection }) => describeProtection(protection)))}: integrity only, hiding nothing.`,
        reasons,
        severity: flow.tls ? 'low' : 'medium',
      });
    }
  },
};
