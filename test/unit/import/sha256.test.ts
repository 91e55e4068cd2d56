import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { fingerprintSecret, sha256Hex } from '../../../src/import/sha256.ts';

describe('sha256Hex (FIPS 180-4)', () => {
  // FIPS 180-2 Appendix B / NIST CSRC "SHA256.pdf" example values.
  it('hashes "abc" to the FIPS 180-2 B.1 digest', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('hashes the empty string to the well-known empty digest', () => {
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
  it('hashes the two-block 448-bit message of FIPS 180-2 B.2', () => {
    expect(sha256Hex('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });
  it('hashes one million "a" as FIPS 180-2 B.3', () => {
    expect(sha256Hex('a'.repeat(1_000_000))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });
  it('agrees with Node crypto at every padding boundary (55, 56, 63, 64, 65 bytes) and on UTF-8 text', () => {
    for (const text of [
      'x'.repeat(55),
      'x'.repeat(56),
      'x'.repeat(63),
      'x'.repeat(64),
      'x'.repeat(65),
      'clé — 鍵 🔑',
      // A lone surrogate, either half, at the end and inside: encoded as U+FFFD, as Node and TextEncoder do.
      'a\ud800',
      '\udc00b',
      'x\ud83d\ud83dy',
      'ß'.repeat(100) + '€'.repeat(100) + '🔑'.repeat(100),
    ])
      expect(sha256Hex(text)).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});

describe('fingerprintSecret', () => {
  it('keeps the first 16 hex digits of the SHA-256, never the secret', () => {
    // Cross-checked against Node crypto rather than a value copied from the program.
    const fp = fingerprintSecret('swordfish');
    expect(fp).toBe(createHash('sha256').update('swordfish').digest('hex').slice(0, 16));
    expect(fp).toMatch(/^[0-9a-f]{16}$/);
    expect(fp).not.toContain('swordfish');
  });
});
