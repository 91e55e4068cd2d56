import { describe, expect, it } from 'vitest';
import {
  formatCalibrationYaml,
  parseOpensslSpeed,
} from '../../../../src/engine/throughput/parse-openssl-speed.ts';

// The shape of `openssl speed -evp aes-256-gcm` output (OpenSSL 3.0): progress lines, build info,
// then the table whose figures are in 1000s of bytes per second.
const FULL = `Doing AES-256-GCM for 3s on 16 size blocks: 84044585 AES-256-GCM's in 2.99s
Doing AES-256-GCM for 3s on 16384 size blocks: 767800 AES-256-GCM's in 3.00s
version: 3.0.11
built on: Tue Sep 19 13:07:07 2023 UTC
options: bn(64,64)
compiler: gcc -fPIC -pthread -m64 -Wa,--noexecstack -Wall -O2
CPUINFO: OPENSSL_ia32cap=0xfeda32035f8bffff:0x27a9
The 'numbers' are in 1000s of bytes per second processed.
type             16 bytes     64 bytes    256 bytes   1024 bytes   8192 bytes  16384 bytes
AES-256-GCM     449730.04k  1010774.91k  2281472.13k  3574939.99k  4143661.74k  4192829.44k
ChaCha20-Poly1305   301234.55k   998765.43k  2000000.00k  2500000.00k  2600000.00k  2610000.00k
`;

// `openssl speed -evp aes-128-gcm -bytes 1420`: one column (reference local-openssl-aes128gcm-1420).
const SINGLE = `The 'numbers' are in 1000s of bytes per second processed.
type           1420 bytes
AES-128-GCM    2249984.32k
`;

describe('parseOpensslSpeed', () => {
  it('[T4] reads the largest block size of each row: 4192829.44k B/s × 8 = 33.54 Gbit/s at 16384 bytes', () => {
    const { calibration, problems } = parseOpensslSpeed(FULL);
    expect(problems).toEqual([]);
    expect(calibration['aes-256-gcm']!.bytes).toBe(16384);
    expect(calibration['aes-256-gcm']!.gbps).toBeCloseTo((4192829.44 * 1000 * 8) / 1e9, 9);
    expect(calibration['chacha20-poly1305']!.gbps).toBeCloseTo((2610000 * 1000 * 8) / 1e9, 9);
  });

  it('[T4] reads the -bytes N single-column variant: 2249984.32k → 18.0 Gbit/s at 1420 bytes', () => {
    const { calibration, problems } = parseOpensslSpeed(SINGLE);
    expect(problems).toEqual([]);
    expect(calibration).toEqual({ 'aes-128-gcm': { gbps: (2249984.32 * 8) / 1e6, bytes: 1420 } });
  });

  it('[T4] accepts lower-case names and digests (OpenSSL 1.1 and `-evp sha256`)', () => {
    const text = `type 64 bytes 16384 bytes\naes-128-cbc 900000.00k 1100000.00k\nsha256 400000.00k 1600000.00k\n`;
    const { calibration } = parseOpensslSpeed(text);
    expect(Object.keys(calibration).sort()).toEqual(['aes-128-cbc', 'sha256']);
  });

  it('[T4] reports each unusable line with its number, and keeps the usable ones', () => {
    const text = [
      "The 'numbers' are in 1000s of bytes per second processed.",
      'type             16 bytes     64 bytes',
      'AES-128-GCM     449730.04k  1010774.91k',
      'AES-256-GCM     449730.04k',
      'AES-256-CBC     449730.04k  fast',
      'DES-EDE3        20000.00k   21000.00k',
      'AES-128-GCM     1.00k  0.00k',
    ].join('\n');
    const { calibration, problems } = parseOpensslSpeed(text);
    expect(Object.keys(calibration)).toEqual(['aes-128-gcm']);
    expect(problems.map((p) => p.line)).toEqual([4, 5, 6, 7]);
    expect(problems[0]!.message).toBe('expected 2 figures, found 1');
    expect(problems[2]!.message).toContain('"DES-EDE3" is not a cipher Plainsight models');
  });

  it('[T4] text without the table is a problem at line 1, never an exception', () => {
    expect(parseOpensslSpeed('')).toEqual({
      calibration: {},
      problems: [{ line: 1, message: expect.stringContaining('no table header') }],
    });
    expect(parseOpensslSpeed('garbage\u0000\n\n').problems).toHaveLength(1);
  });
});

describe('formatCalibrationYaml', () => {
  it('[T4] writes the cpu.calibration block with sorted keys, ready to paste under a host', () => {
    const yaml = formatCalibrationYaml({
      'chacha20-poly1305': { gbps: 20.88, bytes: 16384 },
      'aes-256-gcm': { gbps: 33.5426355, bytes: 16384 },
    });
    expect(yaml).toBe(
      '    calibration:\n      aes-256-gcm: { gbps: 33.543, bytes: 16384 }\n      chacha20-poly1305: { gbps: 20.88, bytes: 16384 }\n',
    );
  });

  it('[T4] an empty calibration becomes a comment, not an empty YAML key', () => {
    expect(formatCalibrationYaml({}, '')).toBe('# no usable openssl speed figures\n');
  });
});
