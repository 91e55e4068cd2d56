/**
 * What one input file says, format by format, before hosts are correlated.
 */
import type {
  IkeStatus,
  ImportDiagnostic,
  MonitorTunnel,
  OvsBridge,
  OvsInterface,
  SbChassis,
  XfrmPolicy,
  XfrmState,
} from './types.ts';

/** Everything read from one file; arrays are empty when the file did not contain that output. */
export interface InputFile {
  file: string;
  formats: string[];
  /** Host name from a prompt, a `hostname` section or a `# plainsight-host:` directive. */
  hostname?: string;
  bridges: OvsBridge[];
  interfaces: OvsInterface[];
  /** Open_vSwitch `other_config` (certificates, `ipsec_skb_mark`) and `external_ids` (system-id, hostname, ovn-encap-ip). */
  otherConfig?: Record<string, string>;
  externalIds?: Record<string, string>;
  chassis: SbChassis[];
  nbIpsec?: boolean;
  states: XfrmState[];
  policies: XfrmPolicy[];
  /** True when `ip xfrm state` / `ip xfrm policy` output was present (even if empty). */
  sawStates: boolean;
  sawPolicies: boolean;
  ike: IkeStatus;
  sawIke: boolean;
  monitorTunnels: MonitorTunnel[];
  diagnostics: ImportDiagnostic[];
}

/** An empty record for `file`. */
export function emptyInputFile(file: string): InputFile {
  return {
    file,
    formats: [],
    bridges: [],
    interfaces: [],
    chassis: [],
    states: [],
    policies: [],
    sawStates: false,
    sawPolicies: false,
    ike: { sas: [], children: [] },
    sawIke: false,
    monitorTunnels: [],
    diagnostics: [],
  };
}
