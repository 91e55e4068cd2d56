/**
 * Per-packet and per-byte software costs of the kernel paths (SPEC T4), fitted to the single-stream
 * measurements of reference/throughput-cases.md. Each derivation is written out; docs/throughput-model.md
 * has the table. Cycle counts are assumed to carry over between CPUs of a class (clock scales them).
 */

/**
 * The flow's own TCP/IP processing per payload byte, with TSO/GRO doing segmentation: the
 * unencrypted single stream of cilium-baseline-node-to-node, 41.7 Gbit/s on one 3.5 GHz core:
 * 3.5e9 × 8 / 41.7e9 = 0.671 cycles per byte. Applied at the flow's end hosts and at forwarding
 * hosts (no separate public forwarding measurement exists in the calibration set).
 */
export const STACK_CYCLES_PER_BYTE = (3.5e9 * 8) / 41.7e9;

/**
 * Software ESP (xfrm), per packet and per protected byte on top of the cipher. Fitted to
 * cilium-ipsec-mtu1500 (ESP tunnel mode, AES-128-GCM at the AES-NI class's 0.794 c/B, 3.5 GHz,
 * 3.4 Gbit/s: 1406-byte TCP payload in a 1446-byte packet) so that a packet costs
 * 3.5e9 / (3.4e9 / (8 × 1406)) = 11,579 cycles, and to the shape "MTU 1500 → 9000 raises
 * software-crypto single-flow throughput about 3×" (8906-byte payload in 8946 bytes at 9000):
 *   11,579 = 0.671 × 1406 + P + (b + 0.794) × 1446
 *   8906 / (0.671 × 8906 + P + (b + 0.794) × 8946) = 3 × 1406 / 11,579
 * gives b = 0.25 cycles per byte (the checksum and copies the NIC cannot do through ESP) and
 * P = 9,120 cycles per packet (policy lookup, crypto request, no TSO/GRO for the flow).
 */
export const ESP_CYCLES_PER_PACKET = 9120;
/** ESP's per-byte software cost besides the cipher (see above). */
export const ESP_CYCLES_PER_BYTE = 0.25;

/**
 * WireGuard's serial part on the flow's core (T5: the cipher itself spreads over the host's
 * cores). Fitted like ESP to cilium-wg-kubeproxy-mtu1500 (3.5 GHz, 4.7 Gbit/s: 1400-byte payload
 * in a 1440-byte packet → 3.5e9 / (4.7e9 / (8 × 1400)) = 8,340 cycles) and the 3× shape at 9000
 * (8900-byte payload, 8940 bytes sealed):
 *   8,340 = 0.671 × 1400 + P + b × 1440,  (8900 / (0.671 × 8900 + P + b × 8940)) = 3 × 1400 / 8,340
 * gives b = 0.57 cycles per byte and P = 6,580 cycles per packet.
 */
export const WIREGUARD_CYCLES_PER_PACKET = 6580;
/** WireGuard's per-byte cost on the flow's core (see above). */
export const WIREGUARD_CYCLES_PER_BYTE = 0.57;

/**
 * Software MACsec (Linux macsec.c) builds one AEAD request per frame like ESP but has no public
 * single-stream measurement in the calibration set: it is costed as ESP (an assumption, stated in
 * docs/throughput-model.md).
 */
export const MACSEC_CYCLES_PER_PACKET = ESP_CYCLES_PER_PACKET;
/** MACsec's per-byte software cost besides the cipher, as ESP. */
export const MACSEC_CYCLES_PER_BYTE = ESP_CYCLES_PER_BYTE;

/**
 * Software VXLAN/Geneve/GRE encapsulation or decapsulation per packet: ibm-vxlan-cost-2014 measured
 * +21 % cycles per MTU packet over the plain stack, i.e. 0.21 × 0.671 × 1460 (TCP payload of a
 * 1500-byte packet) = 206 cycles; with (emulated) offload 97.1 % of the bandwidth came back, so
 * the `tunnel-tso` offload removes this term.
 */
export const ENCAP_CYCLES_PER_PACKET = 0.21 * STACK_CYCLES_PER_BYTE * 1460;

/**
 * HMAC-SHA-256 per message beyond the data (RFC 2104 with precomputed pad states): the inner
 * hash's final padding block and the outer hash over the 32-byte digest, two 64-byte SHA-256
 * blocks (FIPS 180-4 §5.1.1).
 */
export const HMAC_EXTRA_BYTES = 128;

/** Ethernet framing per frame: preamble + SFD 8, header 14, FCS 4, inter-frame gap 12 = 38 (SPEC T3). */
export const ETHERNET_FRAMING_BYTES = 38;
