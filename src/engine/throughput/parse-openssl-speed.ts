/**
 * Reads `openssl speed -evp <cipher>` output (issue: own-hardware calibration) into a CpuCalibration:
 * the table after "The 'numbers' are in 1000s of bytes per second processed.", one row per
 * algorithm, one column per block size (or a single column with `-bytes N`).
 */
import type { CalibratedPrimitive, CpuCalibration } from '../../model/types.ts';

/** A line the parser could not use, 1-based. */
export interface SpeedProblem {
  line: number;
  message: string;
}

/** Row labels of `openssl speed -evp` per primitive Plainsight uses (OpenSSL 1.1 and 3.x spellings). */
const NAMES: Record<string, CalibratedPrimitive> = {
  'aes-128-gcm': 'aes-128-gcm',
  'aes-256-gcm': 'aes-256-gcm',
  'chacha20-poly1305': 'chacha20-poly1305',
  'aes-128-cbc': 'aes-128-cbc',
  'aes-256-cbc': 'aes-256-cbc',
  sha256: 'sha256',
  'sha2-256': 'sha256',
};

const HEADER = /^type\s+((?:\d+\s+bytes\s*)+)$/;
const NUMBER = /^(\d+(?:\.\d+)?)k$/;

function parseRow(
  fields: string[],
  sizes: number[],
  lineNo: number,
  problems: SpeedProblem[],
): { gbps: number; bytes: number } | undefined {
  if (fields.length !== sizes.length) {
    problems.push({ line: lineNo, message: `expected ${sizes.length} figures, found ${fields.length}` });
    return undefined;
  }
  // The largest block gives the cleanest cycles per byte: OpenSSL's per-call cost weighs least there.
  const last = sizes.length - 1;
  const match = NUMBER.exec(fields[last]!);
  if (!match) {
    problems.push({ line: lineNo, message: `"${fields[last]}" is not a figure like 123456.78k` });
    return undefined;
  }
  const kbytesPerSecond = Number(match[1]);
  if (!(kbytesPerSecond > 0)) {
    problems.push({ line: lineNo, message: `${fields[last]} bytes per second cannot calibrate a CPU` });
    return undefined;
  }
  // 'k' = 1000 bytes per second (reference/throughput-cases.md, local-openssl-* notes).
  return { gbps: (kbytesPerSecond * 1000 * 8) / 1e9, bytes: sizes[last]! };
}

/** Parses `openssl speed -evp` output; never throws, every unusable line becomes a problem. */
export function parseOpensslSpeed(text: string): { calibration: CpuCalibration; problems: SpeedProblem[] } {
  const calibration: CpuCalibration = {};
  const problems: SpeedProblem[] = [];
  let sizes: number[] | undefined;
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = raw.trim();
    const header = HEADER.exec(line);
    if (header) {
      sizes = [...header[1]!.matchAll(/(\d+)\s+bytes/g)].map((m) => Number(m[1]));
      return;
    }
    if (!sizes || line === '') return;
    const [label, ...fields] = line.split(/\s+/);
    const primitive = NAMES[label!.toLowerCase()];
    if (!primitive) {
      if (fields.some((f) => NUMBER.test(f)))
        problems.push({
          line: i + 1,
          message: `"${label}" is not a cipher Plainsight models (${Object.keys(NAMES).join(', ')})`,
        });
      return;
    }
    const figure = parseRow(fields, sizes, i + 1, problems);
    if (!figure) return;
    if (calibration[primitive])
      problems.push({ line: i + 1, message: `${primitive} appears again: this later row is used` });
    calibration[primitive] = figure;
  });
  if (!sizes)
    problems.push({
      line: 1,
      message: 'no table header ("type  16 bytes …") found: paste the whole output of openssl speed -evp',
    });
  return { calibration, problems };
}

/** The `calibration:` block to paste under a host's `cpu:` in a scenario, keys sorted. */
export function formatCalibrationYaml(calibration: CpuCalibration, indent = '    '): string {
  const keys = (Object.keys(calibration) as CalibratedPrimitive[]).sort();
  if (keys.length === 0) return `${indent}# no usable openssl speed figures\n`;
  const lines = keys.map((k) => {
    const { gbps, bytes } = calibration[k]!;
    return `${indent}  ${k}: { gbps: ${Number(gbps.toFixed(3))}, bytes: ${bytes} }`;
  });
  return [`${indent}calibration:`, ...lines].join('\n') + '\n';
}
