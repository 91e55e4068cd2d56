/**
 * The scenario file format (SPEC §1) as one declarative schema: flows, attackers, requirements,
 * layout and the top-level document, built on schema-topology.ts and schema-overlay.ts.
 */
import { LIMITS, SCENARIO_DEFAULTS as D } from './defaults.ts';
import { CAPABILITIES, EXPOSURE_LEVELS, FLOW_PROTOS, SENSITIVITIES } from './enums.ts';
import {
  bool,
  id,
  int,
  list,
  num,
  object,
  oneOf,
  optional,
  record,
  ref,
  required,
  text,
  union,
  version,
  withDefault,
} from './schema-builders.ts';
import type { EntityKind, EntityListSchema, Infer, ObjectSchema } from './schema-dsl.ts';
import {
  ipsecPolicySchema,
  keystoreSchema,
  networkSchema,
  overlaySchema,
  tunnelSchema,
  wireguardSchema,
  workloadSchema,
} from './schema-overlay.ts';
import { bridgeSchema, deviceSchema, hostSchema, linkSchema, siteSchema } from './schema-topology.ts';

/** Every entity kind, in file order; layout keys may name any of them. */
export const ENTITY_KINDS: readonly EntityKind[] = [
  'site',
  'host',
  'device',
  'link',
  'bridge',
  'overlay',
  'tunnel',
  'network',
  'workload',
  'keystore',
  'ipsec',
  'wireguard',
  'flow',
  'attacker',
  'requirement',
];

/** Traffic that matters. */
export const flowSchema = object(
  {
    id: required(id(), 'Unique id.'),
    from: required(ref(['workload', 'host'], 'flow_unknown_endpoint'), 'Source workload or host.'),
    to: required(ref(['workload', 'host'], 'flow_unknown_endpoint'), 'Destination workload or host.'),
    network: optional(
      ref(['network'], 'flow_unknown_network'),
      'Network used; required when the endpoints share several, or none while the source has several.',
    ),
    proto: withDefault(oneOf(FLOW_PROTOS), D.flow.proto, 'Transport protocol.'),
    port: optional(int(LIMITS.port), 'Destination port.'),
    tls: withDefault(bool(), D.flow.tls, 'The application encrypts end to end (TLS 1.3, mTLS, QEMU TLS…).'),
    rateGbps: withDefault(num({ above: 0 }), D.flow.rateGbps, 'Demanded rate in Gbit/s.'),
    packetBytes: optional(int(LIMITS.packetBytes), 'Typical IP packet size; defaults to the path MTU.'),
    class: optional(text(), 'Free text such as tenant, api, db, mq, migration, storage.'),
    sensitivity: withDefault(oneOf(SENSITIVITIES), D.flow.sensitivity, 'How sensitive the data is.'),
  },
  { name: 'Flow' },
);

const targets = (kind: EntityKind, description: string) =>
  withDefault(list(ref([kind], 'attacker_unknown_target'), { unique: true }), [], description);

/** An attacker position with capabilities and stolen keys. */
export const attackerSchema = object(
  {
    id: required(id(), 'Unique id.'),
    name: optional(text(), 'Display name.'),
    at: required(
      object(
        {
          links: targets('link', 'Tapped links.'),
          devices: targets('device', 'Compromised devices.'),
          hosts: targets('host', 'Hosts where the attacker is root.'),
          workloads: targets('workload', 'Workloads the attacker controls (co-tenant VMs).'),
          sites: targets('site', 'Sites with physical access to every link and device in them.'),
        },
        { name: 'AttackerPosition' },
      ),
      'Where the attacker sits.',
    ),
    can: required(
      list(oneOf(CAPABILITIES), { minItems: 1, unique: true }),
      '[read] (passive) or [read, inject] (active).',
    ),
    knows: withDefault(
      list(ref(['keystore'], 'unknown_keystore'), { unique: true }),
      [],
      'Key stores whose secret the attacker holds.',
    ),
  },
  { name: 'Attacker' },
);

/** What must hold: the CI gate. */
export const requirementSchema = object(
  {
    id: required(id(), 'Unique id.'),
    flows: required(
      union(
        oneOf(['all']),
        list(ref(['flow'], 'requirement_unknown_flow'), { unique: true }),
        object(
          {
            class: optional(text(), 'Flows of this class.'),
            sensitivity: optional(oneOf(SENSITIVITIES), 'Flows of this sensitivity.'),
          },
          { name: 'FlowFilter' },
        ),
      ),
      '`all`, a list of flow ids, or a filter `{ class, sensitivity }`.',
    ),
    against: required(
      union(oneOf(['all']), list(ref(['attacker'], 'requirement_unknown_attacker'), { unique: true })),
      '`all` or a list of attacker ids.',
    ),
    maxExposure: required(oneOf(EXPOSURE_LEVELS), 'Deepest exposure allowed (SPEC X6).'),
    noTamper: withDefault(bool(), D.noTamper, 'Forbid any tampering ability (SPEC X7).'),
  },
  { name: 'Requirement' },
);

const layoutPointSchema = object(
  {
    x: required(num(), 'Canvas x.'),
    y: required(num(), 'Canvas y.'),
  },
  { name: 'LayoutPoint' },
);

const entities = <S extends ObjectSchema>(entity: EntityKind, items: S, description: string) =>
  withDefault(list(items, { entity }) as EntityListSchema<S>, [], description);

/** The whole scenario document; field order here is the order the writer uses. */
export const scenarioSchema = object(
  {
    plainsight: required(version(), 'Format version: 1.'),
    name: required(text(), 'Scenario name.'),
    description: optional(text(), 'Markdown description.'),
    sites: entities('site', siteSchema, 'Physical locations and how far they are trusted.'),
    hosts: entities(
      'host',
      hostSchema,
      'Servers: hypervisors, network/gateway nodes, controllers, external endpoints.',
    ),
    devices: entities('device', deviceSchema, 'Switches, routers, firewalls, carrier networks.'),
    links: entities('link', linkSchema, 'Physical connections between hosts/devices.'),
    bridges: entities('bridge', bridgeSchema, 'OVS / OVN / Linux bridges on hosts.'),
    overlays: entities('overlay', overlaySchema, 'Tunnel meshes, optionally protected by IPsec.'),
    tunnels: entities('tunnel', tunnelSchema, 'Explicit tunnels.'),
    networks: entities('network', networkSchema, 'Logical networks: overlay, VLAN or flat.'),
    workloads: entities('workload', workloadSchema, 'VMs, containers, host services.'),
    keystores: entities('keystore', keystoreSchema, 'Where secrets live.'),
    ipsec: entities('ipsec', ipsecPolicySchema, 'Host-to-host or gateway-to-gateway IPsec.'),
    wireguard: entities('wireguard', wireguardSchema, 'WireGuard meshes between hosts.'),
    flows: entities('flow', flowSchema, 'Traffic that matters.'),
    attackers: entities('attacker', attackerSchema, 'Attacker positions, capabilities, stolen keys.'),
    requirements: entities('requirement', requirementSchema, 'What must hold (the CI gate).'),
    layout: withDefault(
      record(ref(ENTITY_KINDS, 'layout_unknown_id'), layoutPointSchema),
      {},
      'Canvas positions by id.',
    ),
  },
  { name: 'Scenario' },
);

/** A scenario document after the shape stage: valid parts kept, defaults filled, the rest dropped. */
export type ShapedScenario = Infer<typeof scenarioSchema>;
