/**
 * Form description of every entity of SPEC §1.1 for the inspector: enums become selects (their
 * values come from the model's own enum lists), references become pickers over the right
 * collections, nested fields are addressed by path (`['cpu', 'ghz']`).
 */
import * as E from '../../model/enums.ts';
import type { Collection } from '../state/yaml-edit.ts';

/** One form control. */
export type Field =
  | { kind: 'text' | 'number'; key: string[]; label: string; placeholder?: string; min?: number }
  | { kind: 'bool'; key: string[]; label: string; hint?: string }
  | { kind: 'enum'; key: string[]; label: string; options: readonly string[]; optional?: boolean }
  | { kind: 'multi-enum'; key: string[]; label: string; options: readonly string[] }
  | { kind: 'ref'; key: string[]; label: string; refs: Collection[]; optional?: boolean; extra?: string[] }
  | { kind: 'refs'; key: string[]; label: string; refs: Collection[] }
  | { kind: 'pair'; key: string[]; label: string; refs: Collection[] }
  | { kind: 'members'; key: string[]; label: string }
  | { kind: 'ipsec'; key: string[]; label: string }
  | { kind: 'yaml'; key: string[]; label: string; placeholder: string };

const nodes: Collection[] = ['hosts', 'devices'];
const endpoints: Collection[] = ['workloads', 'hosts'];

/** Fields of each collection, in display order (the id is edited separately). */
export const entityFields: Record<Collection, Field[]> = {
  sites: [
    { kind: 'text', key: ['name'], label: 'Name' },
    { kind: 'enum', key: ['trust'], label: 'Trust', options: E.SITE_TRUSTS },
  ],
  hosts: [
    { kind: 'text', key: ['name'], label: 'Name' },
    { kind: 'ref', key: ['site'], label: 'Site', refs: ['sites'] },
    { kind: 'enum', key: ['role'], label: 'Role', options: E.HOST_ROLES },
    { kind: 'text', key: ['ip'], label: 'Underlay IP', placeholder: '10.0.0.1' },
    { kind: 'number', key: ['cpu', 'ghz'], label: 'CPU GHz', placeholder: '2.5', min: 0.1 },
    { kind: 'number', key: ['cpu', 'cores'], label: 'CPU cores', placeholder: '16', min: 1 },
    { kind: 'enum', key: ['cpu', 'aes'], label: 'AES acceleration', options: E.AES_SUPPORTS, optional: true },
    { kind: 'enum', key: ['cpu', 'arch'], label: 'Architecture', options: E.CPU_ARCHS, optional: true },
    { kind: 'number', key: ['nic', 'gbps'], label: 'NIC Gbit/s', placeholder: '10', min: 0.1 },
    { kind: 'number', key: ['nic', 'mtu'], label: 'NIC MTU', placeholder: '1500', min: 576 },
    { kind: 'multi-enum', key: ['nic', 'offload'], label: 'NIC offloads', options: E.NIC_OFFLOADS },
  ],
  devices: [
    { kind: 'text', key: ['name'], label: 'Name' },
    { kind: 'ref', key: ['site'], label: 'Site', refs: ['sites'] },
    { kind: 'enum', key: ['kind'], label: 'Kind', options: E.DEVICE_KINDS },
  ],
  links: [
    { kind: 'pair', key: ['between'], label: 'Between', refs: nodes },
    { kind: 'number', key: ['gbps'], label: 'Gbit/s', placeholder: 'smaller NIC', min: 0.1 },
    { kind: 'number', key: ['mtu'], label: 'MTU', placeholder: 'smaller NIC', min: 576 },
    { kind: 'enum', key: ['medium'], label: 'Medium', options: E.LINK_MEDIA, optional: true },
    { kind: 'bool', key: ['macsec', 'encrypt'], label: 'MACsec encrypt', hint: 'MACsec without encrypt protects integrity only' },
    { kind: 'enum', key: ['macsec', 'cipher'], label: 'MACsec cipher', options: E.MACSEC_CIPHERS, optional: true },
  ],
  bridges: [
    { kind: 'ref', key: ['host'], label: 'Host', refs: ['hosts'] },
    { kind: 'enum', key: ['kind'], label: 'Kind', options: E.BRIDGE_KINDS },
    { kind: 'enum', key: ['role'], label: 'Role', options: E.BRIDGE_ROLES },
    { kind: 'ref', key: ['mirrorTo'], label: 'Mirror to', refs: ['workloads'], optional: true },
  ],
  overlays: [
    { kind: 'enum', key: ['type'], label: 'Type', options: E.TUNNEL_TYPES },
    { kind: 'members', key: ['members'], label: 'Members' },
    { kind: 'number', key: ['geneveOptionBytes'], label: 'Geneve option bytes', placeholder: '8', min: 0 },
    { kind: 'ipsec', key: ['ipsec'], label: 'IPsec' },
  ],
  tunnels: [
    { kind: 'enum', key: ['type'], label: 'Type', options: E.TUNNEL_TYPES },
    { kind: 'pair', key: ['between'], label: 'Between', refs: ['hosts'] },
    { kind: 'ref', key: ['overlay'], label: 'Replaces in overlay', refs: ['overlays'], optional: true },
    { kind: 'ipsec', key: ['ipsec'], label: 'IPsec' },
  ],
  networks: [
    { kind: 'enum', key: ['kind'], label: 'Kind', options: E.NETWORK_KINDS },
    { kind: 'ref', key: ['overlay'], label: 'Overlay', refs: ['overlays'], optional: true },
    { kind: 'number', key: ['vlan'], label: 'VLAN', min: 1 },
    { kind: 'number', key: ['vni'], label: 'VNI', min: 0 },
    { kind: 'bool', key: ['portSecurity'], label: 'Port security', hint: 'Neutron default: on' },
    { kind: 'number', key: ['mtu'], label: 'MTU', placeholder: 'largest that fits', min: 576 },
  ],
  workloads: [
    { kind: 'text', key: ['name'], label: 'Name' },
    { kind: 'ref', key: ['host'], label: 'Host', refs: ['hosts'] },
    { kind: 'refs', key: ['networks'], label: 'Networks', refs: ['networks'] },
    { kind: 'enum', key: ['kind'], label: 'Kind', options: E.WORKLOAD_KINDS, optional: true },
  ],
  keystores: [
    { kind: 'enum', key: ['kind'], label: 'Kind', options: E.KEYSTORE_KINDS },
    { kind: 'ref', key: ['location'], label: 'Location', refs: nodes, optional: true, extra: ['offline'] },
  ],
  ipsec: [
    { kind: 'refs', key: ['between'], label: 'Between (two)', refs: nodes },
    { kind: 'refs', key: ['members'], label: 'Members (mesh)', refs: nodes },
    { kind: 'enum', key: ['mode'], label: 'Mode', options: E.IPSEC_MODES },
    { kind: 'enum', key: ['cipher'], label: 'Cipher', options: E.IPSEC_CIPHERS },
    { kind: 'enum', key: ['auth'], label: 'Authentication', options: E.IPSEC_AUTHS },
    { kind: 'ref', key: ['keystore'], label: 'Key store', refs: ['keystores'], optional: true },
    { kind: 'yaml', key: ['selector'], label: 'Selector', placeholder: 'all  or  [{ proto: tcp, port: 5672 }]' },
  ],
  wireguard: [{ kind: 'refs', key: ['members'], label: 'Members', refs: ['hosts'] }],
  flows: [
    { kind: 'ref', key: ['from'], label: 'From', refs: endpoints },
    { kind: 'ref', key: ['to'], label: 'To', refs: endpoints },
    { kind: 'ref', key: ['network'], label: 'Network', refs: ['networks'], optional: true },
    { kind: 'enum', key: ['proto'], label: 'Protocol', options: E.FLOW_PROTOS, optional: true },
    { kind: 'number', key: ['port'], label: 'Port', min: 0 },
    { kind: 'bool', key: ['tls'], label: 'Application TLS' },
    { kind: 'number', key: ['rateGbps'], label: 'Rate Gbit/s', placeholder: '1', min: 0 },
    { kind: 'number', key: ['packetBytes'], label: 'Packet bytes', placeholder: 'path MTU', min: 64 },
    { kind: 'text', key: ['class'], label: 'Class', placeholder: 'tenant, api, db, mq, migration…' },
    { kind: 'enum', key: ['sensitivity'], label: 'Sensitivity', options: E.SENSITIVITIES, optional: true },
  ],
  attackers: [
    { kind: 'text', key: ['name'], label: 'Name' },
    { kind: 'refs', key: ['at', 'links'], label: 'At links', refs: ['links'] },
    { kind: 'refs', key: ['at', 'devices'], label: 'At devices', refs: ['devices'] },
    { kind: 'refs', key: ['at', 'hosts'], label: 'Root on hosts', refs: ['hosts'] },
    { kind: 'refs', key: ['at', 'workloads'], label: 'As workloads', refs: ['workloads'] },
    { kind: 'refs', key: ['at', 'sites'], label: 'In sites', refs: ['sites'] },
    { kind: 'multi-enum', key: ['can'], label: 'Can', options: E.CAPABILITIES },
    { kind: 'refs', key: ['knows'], label: 'Knows key stores', refs: ['keystores'] },
  ],
  requirements: [
    { kind: 'yaml', key: ['flows'], label: 'Flows', placeholder: 'all  or  [f1, f2]  or  { class: db }' },
    { kind: 'yaml', key: ['against'], label: 'Against', placeholder: 'all  or  [attacker-id]' },
    { kind: 'enum', key: ['maxExposure'], label: 'Max exposure', options: E.EXPOSURE_LEVELS },
    { kind: 'bool', key: ['noTamper'], label: 'No tampering' },
  ],
};
