/**
 * The allowed values of every enumerated field of the scenario format (SPEC §1.1), listed once.
 * `valuesOf<T>()` makes the compiler check each list against the union in types.ts, so adding a
 * value to a type without listing it here is a type error rather than a silently rejected file.
 */
import type {
  AesSupport,
  BridgeKind,
  BridgeRole,
  CalibratedPrimitive,
  Capability,
  CpuArch,
  DeviceKind,
  ExposureLevel,
  FlowProto,
  HostRole,
  IpsecAuth,
  IpsecCipher,
  IpsecMode,
  KeystoreKind,
  LinkMedium,
  MacsecCipher,
  NetworkKind,
  NicOffload,
  Selector,
  Sensitivity,
  SiteTrust,
  TunnelType,
  WorkloadKind,
} from './types.ts';

/** Lists every member of the string union `T`; a missing or extra member fails to compile. */
function valuesOf<T extends string>() {
  return <const A extends readonly T[]>(values: A & ([T] extends [A[number]] ? unknown : never)): A => values;
}

/** Allowed `sites[].trust`. */
export const SITE_TRUSTS = valuesOf<SiteTrust>()(['trusted', 'shared', 'untrusted']);
/** Allowed `hosts[].role`. */
export const HOST_ROLES = valuesOf<HostRole>()([
  'compute',
  'network',
  'controller',
  'storage',
  'gateway',
  'external',
]);
/** Allowed `hosts[].cpu.aes`. */
export const AES_SUPPORTS = valuesOf<AesSupport>()(['none', 'aesni', 'vaes']);
/** Allowed `hosts[].cpu.arch`. */
export const CPU_ARCHS = valuesOf<CpuArch>()(['x86_64', 'arm64']);
/** Allowed keys of `hosts[].cpu.calibration` (`openssl speed -evp <name>` primitives). */
export const CALIBRATED_PRIMITIVES = valuesOf<CalibratedPrimitive>()([
  'aes-128-gcm',
  'aes-256-gcm',
  'chacha20-poly1305',
  'aes-128-cbc',
  'aes-256-cbc',
  'sha256',
]);
/** Allowed `hosts[].nic.offload` items. */
export const NIC_OFFLOADS = valuesOf<NicOffload>()(['ipsec-crypto', 'ipsec-packet', 'tunnel-tso', 'macsec']);
/** Allowed `devices[].kind`. */
export const DEVICE_KINDS = valuesOf<DeviceKind>()(['switch', 'router', 'firewall', 'carrier']);
/** Allowed `links[].medium`. */
export const LINK_MEDIA = valuesOf<LinkMedium>()(['copper', 'fiber', 'wan', 'wireless']);
/** Allowed `links[].macsec.cipher`. */
export const MACSEC_CIPHERS = valuesOf<MacsecCipher>()(['gcm-aes-128', 'gcm-aes-256']);
/** Allowed `bridges[].kind`. */
export const BRIDGE_KINDS = valuesOf<BridgeKind>()(['ovs', 'ovn', 'linux']);
/** Allowed `bridges[].role`. */
export const BRIDGE_ROLES = valuesOf<BridgeRole>()(['integration', 'tunnel', 'external', 'provider']);
/** Allowed `overlays[].type` and `tunnels[].type`. */
export const TUNNEL_TYPES = valuesOf<TunnelType>()(['vxlan', 'geneve', 'gre']);
/** Allowed ESP ciphers of overlays, tunnels and policies. */
export const IPSEC_CIPHERS = valuesOf<IpsecCipher>()([
  'aes-gcm-128',
  'aes-gcm-256',
  'chacha20-poly1305',
  'aes-cbc-hmac-sha256',
  'null',
]);
/** Allowed IPsec authentication methods. */
export const IPSEC_AUTHS = valuesOf<IpsecAuth>()(['psk', 'cert', 'ca', 'static']);
/** Allowed `ipsec[].mode`. */
export const IPSEC_MODES = valuesOf<IpsecMode>()(['transport', 'tunnel']);
/** Allowed `networks[].kind`. */
export const NETWORK_KINDS = valuesOf<NetworkKind>()(['overlay', 'vlan', 'flat']);
/** Allowed `workloads[].kind`. */
export const WORKLOAD_KINDS = valuesOf<WorkloadKind>()(['vm', 'container', 'service', 'appliance']);
/** Allowed `keystores[].kind`. */
export const KEYSTORE_KINDS = valuesOf<KeystoreKind>()(['psk', 'ca', 'static', 'vault', 'hsm']);
/** Allowed `flows[].proto`. */
export const FLOW_PROTOS = valuesOf<FlowProto>()(['tcp', 'udp']);
/** Allowed `ipsec[].selector[].proto`. */
export const SELECTOR_PROTOS = valuesOf<Selector['proto']>()(['tcp', 'udp', 'gre', 'any']);
/** Allowed `flows[].sensitivity`. */
export const SENSITIVITIES = valuesOf<Sensitivity>()(['public', 'internal', 'confidential']);
/** Allowed `attackers[].can` items. */
export const CAPABILITIES = valuesOf<Capability>()(['read', 'inject']);
/** Allowed `requirements[].maxExposure`, least to most (SPEC X6). */
export const EXPOSURE_LEVELS = valuesOf<ExposureLevel>()(['none', 'metadata', 'headers', 'payload']);
