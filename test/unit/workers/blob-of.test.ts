import { describe, expect, it } from 'vitest';
import { blobOf } from '../../../workers/blob-of.ts';

describe('blobOf: a file in pieces made into a Blob a chunk at a time', () => {
  it('holds the pieces joined, in order, whatever the chunk size, and lets each piece go', async () => {
    const pieces = ['<html>', 'ä€', '', 'x'.repeat(9), '</html>'];
    const whole = pieces.join('');
    for (const chunk of [1, 4, 8, 1_000]) {
      const parts = [...pieces];
      const blob = blobOf(parts, 'text/html', chunk);
      expect(blob.type).toBe('text/html');
      expect(await blob.text(), `chunk ${chunk}`).toBe(whole);
      expect(blob.size).toBe(new TextEncoder().encode(whole).length);
      expect(parts.every((p) => p === '')).toBe(true);
    }
    expect(await blobOf([], 'text/plain').text()).toBe('');
  });
});
