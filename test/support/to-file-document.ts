/**
 * The scenario file document (SPEC §1) of a normalised model, as plain data: what a user would
 * write, before parsing. Used to print counter-examples as YAML and as the seed documents the
 * fuzzers mutate, independently of the model's own writer (so a writer bug cannot hide a parser
 * bug). Derived fields (`memberIds`, policy `endpoints`/`mesh`, Geneve option bytes of other
 * encapsulations) go back to their file form.
 */
import type { IpsecPolicy, Overlay, Scenario, Tunnel } from '../../src/model/types.ts';

/** A JSON-like value as a YAML or JSON parser returns it. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function plain(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

function overlayDocument(overlay: Overlay): Json {
  const { memberIds: _memberIds, geneveOptionBytes, ...rest } = overlay;
  return plain(overlay.type === 'geneve' ? { ...rest, geneveOptionBytes } : rest);
}

function tunnelDocument(tunnel: Tunnel): Json {
  const { geneveOptionBytes, ...rest } = tunnel;
  return plain(tunnel.type === 'geneve' ? { ...rest, geneveOptionBytes } : rest);
}

function policyDocument(policy: IpsecPolicy): Json {
  const { id, endpoints, mesh, ...rest } = policy;
  return plain(mesh ? { id, members: endpoints, ...rest } : { id, between: endpoints, ...rest });
}

/** The file document of a normalised scenario. */
export function toFileDocument(s: Scenario): { [key: string]: Json } {
  const doc = plain({ ...s, overlays: [], tunnels: [], ipsec: [] }) as { [key: string]: Json };
  doc.overlays = s.overlays.map(overlayDocument);
  doc.tunnels = s.tunnels.map(tunnelDocument);
  doc.ipsec = s.ipsec.map(policyDocument);
  // Keep the SPEC §1 field order, so a printed document reads like a hand-written file.
  const ordered: { [key: string]: Json } = {};
  for (const key of Object.keys(s)) ordered[key] = doc[key]!;
  return ordered;
}
