/**
 * Crypto cycles per byte per primitive and CPU class (SPEC T4), and own-hardware overrides from
 * `openssl speed` (Cpu.calibration). Sources: reference/throughput-cases.md and the CRYPTOGAMS
 * perlasm headers of OpenSSL, which list cycles per byte per micro-architecture.
 */
import type { AesSupport, CalibratedPrimitive, Cpu, CpuArch } from '../../model/types.ts';

/** Cycles per byte, encrypting and decrypting (equal except for CBC, whose encryption is serial). */
export interface PrimitiveCost {
  encrypt: number;
  decrypt: number;
}

type CostTable = Record<CalibratedPrimitive, PrimitiveCost>;

const same = (cyclesPerByte: number): PrimitiveCost => ({ encrypt: cyclesPerByte, decrypt: cyclesPerByte });

/** AES-256 runs 14 rounds where AES-128 runs 10 (FIPS 197 §5, Nr): the AES part scales by 1.4. */
const AES256_ROUNDS_FACTOR = 14 / 10;

/**
 * x86-64 with AES-NI spans Westmere to Zen 3: each figure is the geometric mean of the Skylake and
 * Haswell values, so either is within ±25 % (reference/throughput-cases.md and perlasm headers):
 * AES-128-GCM √(0.63 × 1.0) (openssl-aes128gcm-skylake/-haswell); ChaCha20 AVX2 √(1.19 × 1.23)
 * (openssl-chacha20-skylake, chacha-x86_64.pl) + Poly1305 AVX2 √(0.51 × 0.65) (poly1305-x86_64.pl);
 * AES-128-CBC encrypt √(2.68 × 4.44), decrypt √(0.65 × 0.80) (openssl-aes128cbc-skylake);
 * SHA-256 AVX2 without SHA-NI √(7.7 × 7.8) (openssl-sha256-skylake, sha512-x86_64.pl).
 */
export const AESNI_AES128_GCM = Math.sqrt(0.63 * 1.0);
/** ChaCha20 alone, AVX2, AES-NI class. */
export const AESNI_CHACHA20 = Math.sqrt(1.19 * 1.23);
/** Poly1305 alone, AVX2, AES-NI class. */
export const AESNI_POLY1305 = Math.sqrt(0.51 * 0.65);
/** AES-128-CBC, AES-NI class: serial encryption, parallel decryption. */
export const AESNI_AES128_CBC: PrimitiveCost = {
  encrypt: Math.sqrt(2.68 * 4.44),
  decrypt: Math.sqrt(0.65 * 0.8),
};
/** SHA-256 with AVX2, no SHA-NI. */
export const AVX2_SHA256 = Math.sqrt(7.7 * 7.8);

const X86_AESNI: CostTable = {
  'aes-128-gcm': same(AESNI_AES128_GCM),
  'aes-256-gcm': same(AESNI_AES128_GCM * AES256_ROUNDS_FACTOR),
  'chacha20-poly1305': same(AESNI_CHACHA20 + AESNI_POLY1305),
  'aes-128-cbc': AESNI_AES128_CBC,
  'aes-256-cbc': {
    encrypt: AESNI_AES128_CBC.encrypt * AES256_ROUNDS_FACTOR,
    decrypt: AESNI_AES128_CBC.decrypt * AES256_ROUNDS_FACTOR,
  },
  sha256: same(AVX2_SHA256),
};

/**
 * x86-64 with VAES/VPCLMULQDQ/AVX-512 and SHA-NI: the local-openssl-* cases (Zen 5, 2.6 GHz), less
 * OpenSSL's per-call cost (OPENSSL_EVP_CALL_CYCLES). AES-128-GCM: cycles per call 1640.9 at 1420 B
 * and 8826.9 at 16384 B → slope (8826.9 − 1640.9) / 14964 = 0.480. Others at 1420 B:
 * (cycles per call − 959) / 1420 → AES-256-GCM (1756.1 − 959) / 1420 = 0.561, ChaCha20-Poly1305
 * (1508.5 − 959) / 1420 = 0.387, AES-128-CBC encrypt (3297.9 − 959) / 1420 = 1.647, SHA-256
 * (2267.3 − 959) / 1420 = 0.921. CBC decryption is parallel like CTR: the AES-NI class value (no local figure).
 */
const X86_VAES: CostTable = {
  'aes-128-gcm': same(0.48),
  'aes-256-gcm': same(0.561),
  'chacha20-poly1305': same(0.387),
  'aes-128-cbc': { encrypt: 1.647, decrypt: AESNI_AES128_CBC.decrypt },
  'aes-256-cbc': {
    encrypt: 1.647 * AES256_ROUNDS_FACTOR,
    decrypt: AESNI_AES128_CBC.decrypt * AES256_ROUNDS_FACTOR,
  },
  sha256: same(0.921),
};

/**
 * x86-64 without AES-NI, at Core 2 figures: table AES 14.5 (aes-x86_64.pl "CBC large chunk"; CTR
 * costs the same), decryption 14.5 × 43 / 30 (its ECB decrypt/encrypt ratio) = 20.8; GHASH 4-bit
 * 8.1 (ghash-x86_64.pl); ChaCha20 4xSSSE3 4.35 (chacha-x86_64.pl) + Poly1305 integer 2.41
 * (poly1305-x86_64.pl); SHA-256 SSSE3 13.8 (sha512-x86_64.pl).
 */
const X86_NONE: CostTable = {
  'aes-128-gcm': same(14.5 + 8.1),
  'aes-256-gcm': same(14.5 * AES256_ROUNDS_FACTOR + 8.1),
  'chacha20-poly1305': same(4.35 + 2.41),
  'aes-128-cbc': { encrypt: 14.5, decrypt: 20.8 },
  'aes-256-cbc': { encrypt: 14.5 * AES256_ROUNDS_FACTOR, decrypt: 20.8 * AES256_ROUNDS_FACTOR },
  sha256: same(13.8),
};

/**
 * arm64 with the ARMv8 Crypto Extensions (Cortex-A57/A72): AES-128-CTR 0.92, CBC 1.33 enc / 0.85
 * dec on A72 (aesv8-armx.pl); GHASH PMULL 1.17 on A57 (ghashv8-armx.pl); ChaCha20 4.43 and
 * Poly1305 1.14 NEON on A57 (chacha-armv8.pl, poly1305-armv8.pl); SHA-256 2.31 with SHA2
 * instructions on A57 (sha512-armv8.pl). Vector AES does not exist separately: `vaes` = this.
 */
const ARM_CE: CostTable = {
  'aes-128-gcm': same(0.92 + 1.17),
  'aes-256-gcm': same(0.92 * AES256_ROUNDS_FACTOR + 1.17),
  'chacha20-poly1305': same(4.43 + 1.14),
  'aes-128-cbc': { encrypt: 1.33, decrypt: 0.85 },
  'aes-256-cbc': { encrypt: 1.33 * AES256_ROUNDS_FACTOR, decrypt: 0.85 * AES256_ROUNDS_FACTOR },
  sha256: same(2.31),
};

/**
 * arm64 without Crypto Extensions (Cortex-A53): constant-time NEON AES 18.1 (parallel modes) and
 * 21.5 (CBC encrypt), 20.6 decrypt (vpaes-armv8.pl); GHASH NEON 8.39 (ghashv8-armx.pl); ChaCha20
 * 4.72 + Poly1305 1.47 (chacha-armv8.pl, poly1305-armv8.pl); SHA-256 in software 15.5 (sha512-armv8.pl).
 */
const ARM_NONE: CostTable = {
  'aes-128-gcm': same(18.1 + 8.39),
  'aes-256-gcm': same(18.1 * AES256_ROUNDS_FACTOR + 8.39),
  'chacha20-poly1305': same(4.72 + 1.47),
  'aes-128-cbc': { encrypt: 21.5, decrypt: 20.6 },
  'aes-256-cbc': { encrypt: 21.5 * AES256_ROUNDS_FACTOR, decrypt: 20.6 * AES256_ROUNDS_FACTOR },
  sha256: same(15.5),
};

const TABLES: Record<CpuArch, Record<AesSupport, CostTable>> = {
  x86_64: { none: X86_NONE, aesni: X86_AESNI, vaes: X86_VAES },
  arm64: { none: ARM_NONE, aesni: ARM_CE, vaes: ARM_CE },
};

/**
 * OpenSSL 3.0's fixed cost per `EVP_*Update` call in `openssl speed`, from the local AES-128-GCM
 * runs: 1640.9 − 0.480 × 1420 = 959 cycles (checked at 64 B: 959 + 31 = 990 vs 912 measured).
 * It belongs to the benchmark harness, not to the kernel, so it is removed from user calibrations.
 */
export const OPENSSL_EVP_CALL_CYCLES = 959;

/** Cycles per byte of a primitive on a CPU class, from the published table. */
export function tableCost(primitive: CalibratedPrimitive, cpu: Pick<Cpu, 'arch' | 'aes'>): PrimitiveCost {
  return TABLES[cpu.arch][cpu.aes][primitive];
}

/** Cycles per byte implied by one `openssl speed` figure at `ghz`; undefined when unusable. */
export function calibratedCyclesPerByte(
  measured: { gbps: number; bytes: number },
  ghz: number,
): number | undefined {
  const { gbps, bytes } = measured;
  if (!(gbps > 0) || !(bytes > 0) || !(ghz > 0) || !Number.isFinite(gbps) || !Number.isFinite(bytes))
    return undefined;
  const cyclesPerCall = (ghz * 8 * bytes) / gbps;
  // A CPU faster per call than the reference keeps at least half of each call as per-byte work.
  return (cyclesPerCall - Math.min(OPENSSL_EVP_CALL_CYCLES, cyclesPerCall / 2)) / bytes;
}

/** Cycles per byte of a primitive on this CPU: its own `openssl speed` figure when given, else the table. */
export function primitiveCost(
  primitive: CalibratedPrimitive,
  cpu: Cpu,
): PrimitiveCost & { calibrated: boolean } {
  const table = tableCost(primitive, cpu);
  const measured = cpu.calibration?.[primitive];
  const own = measured ? calibratedCyclesPerByte(measured, cpu.ghz) : undefined;
  if (own === undefined) return { ...table, calibrated: false };
  // `openssl speed` measures encryption; decryption keeps the table's ratio to it.
  return { encrypt: own, decrypt: (own * table.decrypt) / table.encrypt, calibrated: true };
}

/** One direction of `primitiveCost` without building the pair: bulk estimates ask it per packet shape. */
export function primitiveCyclesPerByte(primitive: CalibratedPrimitive, cpu: Cpu, direction: 'encrypt' | 'decrypt'): number {
  const table = tableCost(primitive, cpu);
  const measured = cpu.calibration?.[primitive];
  const own = measured ? calibratedCyclesPerByte(measured, cpu.ghz) : undefined;
  if (own === undefined) return table[direction];
  // As primitiveCost: `openssl speed` measures encryption; decryption keeps the table's ratio to it.
  return direction === 'encrypt' ? own : (own * table.decrypt) / table.encrypt;
}
