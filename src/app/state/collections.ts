/**
 * The top-level entity collections of a scenario file (SPEC §1), shared by the YAML edits
 * (yaml-edit.ts) and the one-line field edit (set-field-in-place.ts).
 */

/** The model collection each entity kind lives in, for paths such as `['hosts', 3]`. */
export const collections = [
  'sites',
  'hosts',
  'devices',
  'links',
  'bridges',
  'overlays',
  'tunnels',
  'networks',
  'workloads',
  'keystores',
  'ipsec',
  'wireguard',
  'flows',
  'attackers',
  'requirements',
] as const;

/** A top-level entity collection of SPEC §1. */
export type Collection = (typeof collections)[number];
