/**
 * Every default and every numeric bound of the scenario format, each with its source. The schema
 * (schema.ts) reads these, so the validator, the normaliser, the writer and the JSON Schema agree.
 */

/** Values a field takes when the file leaves it out (SPEC §1.1). */
export const SCENARIO_DEFAULTS = {
  cpu: {
    /** SPEC §1.1 Host.cpu "Defaults: 2.5 GHz, 16 cores, aesni"; arch "x86_64 (default)". */
    ghz: 2.5,
    cores: 16,
    aes: 'aesni',
    arch: 'x86_64',
  },
  nic: {
    /** SPEC §1.1 Host.nic "Defaults: 10 Gbit/s, MTU 1500, no offload"; 1500 = Linux ETH_DATA_LEN. */
    gbps: 10,
    mtu: 1500,
  },
  /** SPEC §1.1 Link: a device end counts as 100 Gbit/s and MTU 9216 (common switch jumbo maximum). */
  deviceNic: { gbps: 100, mtu: 9216 },
  /** SPEC §1.1 Link `medium` "(default `fiber`)". */
  linkMedium: 'fiber',
  macsec: {
    /** Linux drivers/net/macsec.c `DEFAULT_ENCRYPT false`: integrity only unless asked (SPEC §1.1). */
    encrypt: false,
    /** IEEE 802.1AE default cipher suite GCM-AES-128 (Linux `MACSEC_DEFAULT_CIPHER_ID`); SPEC §1.1. */
    cipher: 'gcm-aes-128',
  },
  /**
   * One 8-byte Geneve option as OVN sends it: "a TLV with class 0x0102, type 0x80, and a 32-bit
   * value" = 4-byte option header + 4 data bytes (ovn-architecture.7.xml; SPEC §1.1 Overlay).
   */
  geneveOptionBytes: 8,
  ipsec: {
    /** SPEC §1.1 Overlay.ipsec `aes-gcm-256 (default)`; OVS ovs-monitor-ipsec uses `esp=aes256gcm16`. */
    cipher: 'aes-gcm-256',
    /** RFC 3948 UDP encapsulation is used only when asked (OVS `ipsec_encapsulation` unset by default). */
    natT: false,
    /** OVS `ipsec_skb_mark` is unset by default: plaintext until IKE completes (SPEC §1.1). */
    dropPlaintext: false,
    /** strongSwan swanctl.conf `children.<child>.mode` and Libreswan `type=` both default to tunnel. */
    mode: 'tunnel',
    /** SPEC §1.1 IPsec policy "`selector`: `all` (default)". */
    selector: 'all',
  },
  /** Neutron `port_security_enabled` defaults to True (neutron-lib port_security API definition). */
  portSecurity: true,
  /** SPEC §1.1 Workload "`kind`: `vm` (default)". */
  workloadKind: 'vm',
  flow: {
    /** SPEC §1.1 Flow: `proto` tcp (default), `rateGbps` default 1, `sensitivity` confidential (default). */
    proto: 'tcp',
    tls: false,
    rateGbps: 1,
    sensitivity: 'confidential',
  },
  /** SPEC §1.1 Requirement: `noTamper` is opt-in. */
  noTamper: false,
} as const;

/** Numeric bounds checked in the shape stage (diagnostic `out_of_range`). */
export const LIMITS = {
  /** RFC 791: every IPv4 host must accept 576-byte datagrams; Total Length is 16 bits (≤ 65535). */
  mtu: { min: 576, max: 65_535 },
  /** The smallest IP packet is a bare 20-byte IPv4 header (RFC 791); at most 65535 bytes. */
  packetBytes: { min: 20, max: 65_535 },
  /** Linux CONFIG_NR_CPUS accepts at most 8192 CPUs on x86_64 (arch/x86/Kconfig). */
  cores: { min: 1, max: 8_192 },
  /** No shipping CPU clocks above ~6.2 GHz (Intel i9-14900KS boost); 10 catches MHz written as GHz. */
  ghz: { max: 10 },
  /** IEEE 802.1Q: VLAN ids 0 and 4095 are reserved, 1–4094 usable. */
  vlan: { min: 1, max: 4_094 },
  /** RFC 7348 §5 / RFC 8926 §3.4: the VNI is a 24-bit field. */
  vni: { min: 0, max: 2 ** 24 - 1 },
  /** RFC 793 / RFC 768: 16-bit ports; port 0 is reserved. */
  port: { min: 1, max: 65_535 },
  /** RFC 8926 §3.4: Opt Len is 6 bits counted in 4-byte words, so options total 0–252 bytes. */
  geneveOptionBytes: { min: 0, max: 252, multipleOf: 4 },
} as const;

/**
 * Files above this many characters are refused before parsing (diagnostic `file_too_large`).
 * The largest generated region of issue 8 (5,000 hosts, 50,000 VMs, 250,000 flows) is 34 MB of
 * YAML; 40 MiB leaves it room while a 50 MB dump is still refused at once.
 */
export const MAX_FILE_CHARS = 40 * 1024 * 1024;

/**
 * Deepest collection nesting accepted (diagnostic `too_deep`). A scenario needs 7 levels at most
 * (root › hosts › host › cpu › calibration › primitive › value); 64 leaves room for any real file
 * while keeping the YAML composer's recursion far from the stack limit.
 */
export const MAX_NESTING = 64;

/**
 * Most alias expansions accepted per file (yaml `maxAliasCount`), against "billion laughs" files.
 * Hand-written scenarios use a handful of anchors; 1000 is far above that.
 */
export const MAX_ALIAS_COUNT = 1000;
