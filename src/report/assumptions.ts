/**
 * What every report states as its assumptions: the limits of the exposure and throughput models
 * (SPEC §2, §3) a reader must know before relying on the results.
 */

/** The modelling assumptions, one sentence each. */
export const ASSUMPTIONS: readonly string[] = [
  'Exposure describes the steady state: every IPsec SA, WireGuard session and TLS session is established (SPEC §1.1 dropPlaintext; a plaintext window while IKE converges is reported as a finding only).',
  'An attacker sees the flow wherever its position touches the path: links, devices and sites as on the wire, root on a host as the packet exists inside that host (SPEC X4); its keys are pooled across its positions (X5).',
  'With IKE and Diffie-Hellman a passive attacker who knows only a PSK or CA key cannot decrypt; it needs to inject (man in the middle). Static keys decrypt passively (X5).',
  'Tampering means changing or injecting data the receiver accepts as genuine; dropping packets or resetting connections is availability and out of scope (X7).',
  'Paths are the fewest-hop underlay paths, ties broken by link ids; hosts forward only when their role is network or gateway (X1).',
  'Throughput figures are estimates: one flow and one IPsec SA are processed by one core per direction (T5); crypto costs come from public measurements or from your own openssl speed figures (T4).',
];

/** Where the CPU cost figures come from (SPEC T4). */
export const CALIBRATION_SOURCE =
  'Crypto cycles per byte come from public measurements (OpenSSL CRYPTOGAMS per-micro-architecture figures and published IPsec/WireGuard benchmarks; see docs/throughput-model.md). Hosts marked "measured" use the figures of `openssl speed` on their own CPU (cpu.calibration, `plainsight cpu-calibration`).';
