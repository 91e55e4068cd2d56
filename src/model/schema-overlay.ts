/**
 * Schema of the logical and cryptographic half of a scenario (SPEC §1.1): overlays, tunnels,
 * networks, workloads, key stores, IPsec policies and WireGuard meshes.
 */
import { LIMITS, SCENARIO_DEFAULTS as D } from './defaults.ts';
import {
  HOST_ROLES,
  IPSEC_AUTHS,
  IPSEC_CIPHERS,
  IPSEC_MODES,
  KEYSTORE_KINDS,
  NETWORK_KINDS,
  SELECTOR_PROTOS,
  TUNNEL_TYPES,
  WORKLOAD_KINDS,
} from './enums.ts';
import {
  bool,
  id,
  int,
  list,
  object,
  oneOf,
  optional,
  ref,
  required,
  text,
  union,
  withDefault,
} from './schema-builders.ts';

const geneveOptionBytes = () =>
  optional(
    int(LIMITS.geneveOptionBytes),
    'Geneve option bytes per packet (default 8, one option as OVN sends; 0 for plain Geneve).',
  );
const onlyForGeneve = [{ field: 'geneveOptionBytes', when: 'type', is: ['geneve'] }] as const;
const cipher = () =>
  withDefault(oneOf(IPSEC_CIPHERS), D.ipsec.cipher, 'ESP cipher; `null` is ESP-NULL (integrity only).');
const auth = () =>
  required(
    oneOf(IPSEC_AUTHS),
    'psk: one pre-shared key; cert: pinned self-signed certificates; ca: CA-signed certificates; static: manual keys, no IKE.',
  );
const keystore = () =>
  optional(
    ref(['keystore'], 'unknown_keystore'),
    'Key store holding the PSK, CA key or static keys (required for psk, ca, static).',
  );
const natT = () => withDefault(bool(), D.ipsec.natT, 'UDP-encapsulate ESP (RFC 3948, port 4500).');

/** IPsec of overlay or explicit tunnels, as OVS/OVN configure it (ESP transport mode). */
export const tunnelIpsecSchema = object(
  {
    cipher: cipher(),
    auth: auth(),
    keystore: keystore(),
    natT: natT(),
    dropPlaintext: withDefault(
      bool(),
      D.ipsec.dropPlaintext,
      'Drop tunnel packets until IKE has finished (OVS ipsec_skb_mark).',
    ),
  },
  { name: 'TunnelIpsec' },
);

const memberSelectorSchema = object(
  {
    roles: optional(list(oneOf(HOST_ROLES), { unique: true }), 'Hosts with one of these roles.'),
    sites: optional(
      list(ref(['site'], 'overlay_unknown_site'), { unique: true }),
      'Hosts in one of these sites.',
    ),
  },
  { name: 'MemberSelector', atLeastOne: ['roles', 'sites'] },
);

/** A full mesh of tunnels between members. */
export const overlaySchema = object(
  {
    id: required(id(), 'Unique id.'),
    type: required(oneOf(TUNNEL_TYPES), 'Tunnel encapsulation.'),
    members: required(
      union(list(ref(['host'], 'overlay_unknown_member'), { unique: true }), memberSelectorSchema),
      'Host ids, or a selector `{ roles, sites }` (both given: hosts matching both).',
    ),
    geneveOptionBytes: geneveOptionBytes(),
    ipsec: optional(tunnelIpsecSchema, 'IPsec protection of every tunnel of the overlay.'),
  },
  { name: 'Overlay', onlyWhen: onlyForGeneve },
);

/** An explicit tunnel between two hosts. */
export const tunnelSchema = object(
  {
    id: required(id(), 'Unique id.'),
    type: required(oneOf(TUNNEL_TYPES), 'Tunnel encapsulation.'),
    between: required(
      list(ref(['host'], 'tunnel_unknown_endpoint'), { minItems: 2, maxItems: 2 }),
      'The two host ids.',
    ),
    overlay: optional(
      ref(['overlay'], 'tunnel_unknown_overlay'),
      'Overlay whose implied tunnel for this pair it replaces.',
    ),
    geneveOptionBytes: geneveOptionBytes(),
    ipsec: optional(tunnelIpsecSchema, "IPsec protection of this tunnel (replaces the overlay's)."),
  },
  { name: 'Tunnel', onlyWhen: onlyForGeneve },
);

/** A logical network. */
export const networkSchema = object(
  {
    id: required(id(), 'Unique id.'),
    kind: required(
      oneOf(NETWORK_KINDS),
      "overlay: carried in an overlay's tunnels; vlan / flat: provider networks, frames go onto the links as they are.",
    ),
    overlay: optional(
      ref(['overlay'], 'network_unknown_overlay'),
      'Overlay carrying the network (kind overlay).',
    ),
    vlan: optional(int(LIMITS.vlan), 'VLAN id (kind vlan).'),
    vni: optional(int(LIMITS.vni), 'VXLAN/Geneve VNI (kind overlay).'),
    portSecurity: withDefault(bool(), D.portSecurity, 'Anti-spoofing on the ports (Neutron default true).'),
    mtu: optional(int(LIMITS.mtu), 'Workload MTU; defaults to the largest that fits.'),
  },
  {
    name: 'Network',
    requiredWhen: [{ field: 'overlay', when: 'kind', is: ['overlay'] }],
    onlyWhen: [
      { field: 'overlay', when: 'kind', is: ['overlay'] },
      { field: 'vni', when: 'kind', is: ['overlay'] },
      { field: 'vlan', when: 'kind', is: ['vlan'] },
    ],
  },
);

/** A VM, container, host service or appliance. */
export const workloadSchema = object(
  {
    id: required(id(), 'Unique id.'),
    name: optional(text(), 'Display name.'),
    host: required(ref(['host'], 'workload_unknown_host'), 'Host it runs on.'),
    networks: required(
      list(ref(['network'], 'workload_unknown_network'), { unique: true }),
      'Networks it is attached to; [] for host networking.',
    ),
    kind: withDefault(oneOf(WORKLOAD_KINDS), D.workloadKind, 'Kind of workload.'),
  },
  { name: 'Workload' },
);

/** Where a secret lives. */
export const keystoreSchema = object(
  {
    id: required(id(), 'Unique id.'),
    kind: required(oneOf(KEYSTORE_KINDS), 'Kind of secret or store.'),
    location: optional(
      ref(['host', 'device'], 'keystore_unknown_location', ['offline']),
      'Host or device keeping the secret besides its users, or `offline`.',
    ),
  },
  { name: 'Keystore' },
);

const selectorSchema = object(
  {
    proto: required(
      oneOf(SELECTOR_PROTOS),
      'Protocol; tunnel packets are udp (4789 VXLAN, 6081 Geneve) or gre.',
    ),
    port: optional(int(LIMITS.port), 'Destination port.'),
  },
  { name: 'Selector', onlyWhen: [{ field: 'port', when: 'proto', is: ['tcp', 'udp', 'any'] }] },
);

const policyEnds = (unique: boolean) =>
  list(ref(['host', 'device'], 'ipsec_unknown_endpoint'), unique ? { unique } : { minItems: 2, maxItems: 2 });

/** Host-to-host or gateway-to-gateway IPsec not tied to an overlay. */
export const ipsecPolicySchema = object(
  {
    id: required(id(), 'Unique id.'),
    between: optional(policyEnds(false), 'The two endpoints (hosts or gateway devices).'),
    members: optional(policyEnds(true), 'Full mesh between these hosts or devices.'),
    mode: withDefault(
      oneOf(IPSEC_MODES),
      D.ipsec.mode,
      'ESP mode (strongSwan and Libreswan default: tunnel).',
    ),
    cipher: cipher(),
    auth: auth(),
    keystore: keystore(),
    natT: natT(),
    selector: withDefault(
      union(oneOf(['all']), list(selectorSchema)),
      D.ipsec.selector,
      '`all` or a list of `{ proto, port }`.',
    ),
  },
  { name: 'IpsecPolicy', exactlyOne: ['between', 'members'] },
);

/** A WireGuard mesh between hosts. */
export const wireguardSchema = object(
  {
    id: required(id(), 'Unique id.'),
    members: required(list(ref(['host'], 'wireguard_unknown_member'), { unique: true }), 'Member host ids.'),
  },
  { name: 'WireguardMesh' },
);
