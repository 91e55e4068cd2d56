/**
 * Every diagnostic code Plainsight's parser can report, with its fixed severity and the stage that
 * reports it (SPEC §1.2). docs/diagnostics.md documents each one; a conformance test keeps the
 * registry, the documentation and the golden samples in step.
 */
import type { DiagnosticSeverity } from './types.ts';

/** Which validation stage reports a code: the file itself, its shape, or its meaning. */
export type DiagnosticStage = 'file' | 'shape' | 'semantic';

const file = (severity: DiagnosticSeverity) => ({ stage: 'file', severity }) as const;
const shape = (severity: DiagnosticSeverity) => ({ stage: 'shape', severity }) as const;
const semantic = (severity: DiagnosticSeverity) => ({ stage: 'semantic', severity }) as const;

/** Code → stage and severity. Codes are stable: tools and users match on them. */
export const DIAGNOSTIC_CODES = {
  file_too_large: file('error'),
  binary_file: file('error'),
  empty_file: file('error'),
  yaml_syntax: file('error'),
  yaml_warning: file('warning'),
  duplicate_key: file('error'),
  multiple_documents: file('error'),
  too_deep: file('error'),
  too_many_aliases: file('error'),
  not_a_mapping: file('error'),

  unsupported_version: shape('error'),
  missing_field: shape('error'),
  unknown_field: shape('error'),
  conflicting_fields: shape('error'),
  field_not_applicable: shape('warning'),
  wrong_type: shape('error'),
  invalid_enum: shape('error'),
  invalid_id: shape('error'),
  invalid_ip: shape('error'),
  out_of_range: shape('error'),
  wrong_item_count: shape('error'),
  duplicate_item: shape('warning'),

  duplicate_id: semantic('error'),
  host_unknown_site: semantic('error'),
  host_ip_duplicate: semantic('error'),
  device_unknown_site: semantic('error'),
  link_unknown_endpoint: semantic('error'),
  link_unknown_site: semantic('error'),
  link_to_itself: semantic('error'),
  bridge_unknown_host: semantic('error'),
  mirror_unknown_workload: semantic('error'),
  overlay_unknown_member: semantic('error'),
  overlay_unknown_site: semantic('error'),
  overlay_selector_empty: semantic('warning'),
  overlay_external_member: semantic('warning'),
  too_few_members: semantic('warning'),
  tunnel_unknown_endpoint: semantic('error'),
  tunnel_unknown_overlay: semantic('error'),
  tunnel_to_itself: semantic('error'),
  tunnel_not_in_overlay: semantic('error'),
  duplicate_tunnel: semantic('error'),
  network_unknown_overlay: semantic('error'),
  duplicate_vni: semantic('warning'),
  duplicate_vlan: semantic('warning'),
  workload_unknown_host: semantic('error'),
  workload_unknown_network: semantic('error'),
  workload_host_not_in_overlay: semantic('error'),
  workload_network_unreachable: semantic('error'),
  workload_without_network: semantic('warning'),
  keystore_unknown_location: semantic('error'),
  unknown_keystore: semantic('error'),
  keystore_required: semantic('error'),
  keystore_kind_mismatch: semantic('warning'),
  ipsec_unknown_endpoint: semantic('error'),
  ipsec_to_itself: semantic('error'),
  wireguard_unknown_member: semantic('error'),
  flow_unknown_endpoint: semantic('error'),
  flow_to_itself: semantic('error'),
  flow_unknown_network: semantic('error'),
  flow_network_required: semantic('error'),
  flow_network_not_attached: semantic('error'),
  flow_network_guessed: semantic('warning'),
  attacker_unknown_target: semantic('error'),
  attacker_nowhere: semantic('warning'),
  inject_without_read: semantic('warning'),
  requirement_unknown_flow: semantic('error'),
  requirement_unknown_attacker: semantic('error'),
  requirement_matches_nothing: semantic('warning'),
  layout_unknown_id: semantic('warning'),
} as const satisfies Record<string, { stage: DiagnosticStage; severity: DiagnosticSeverity }>;

/** A registered diagnostic code. */
export type DiagnosticCode = keyof typeof DIAGNOSTIC_CODES;
