import { describe, expect, it } from 'vitest';
import { blobOf } from '../../../workers/blob-of.ts';

describe('blobOf: a file in pieces made into a Blob a chunk at a time', () => {
  it('holds the pieces joined, in order, whatever the chunk size', async () => {
    const pieces = ['<html>', 'ä€', '', 'x'.repeat(9), '</html>'];
    const whole = pieces.join('');
    for (const chunk of [1, 4, 8, 1_000]) {
      const blob = blobOf(pieces, 'text/html', chunk);
      expect(blob.type).toBe('text/html');
      expect(await blob.text(), `chunk ${chunk}`).toBe(whole);
      expect(blob.size).toBe(new TextEncoder().encode(whole).length);
    }
    expect(await blobOf([], 'text/plain').text()).toBe('');
  });

  it('takes the pieces as they are made, and makes a Blob of each full batch before asking for the next piece', async () => {
    const blobsBefore: number[] = [];
    const RealBlob = globalThis.Blob;
    let blobs = 0;
    // Counts the Blobs made, to see that a batch goes into one before the next piece is asked for.
    globalThis.Blob = class extends RealBlob {
      constructor(...args: ConstructorParameters<typeof RealBlob>) {
        super(...args);
        blobs++;
      }
    };
    try {
      function* pieces(): Generator<string> {
        for (const piece of ['aaaa', 'bb', 'cccc', 'd']) {
          blobsBefore.push(blobs);
          yield piece;
        }
      }
      const blob = blobOf(pieces(), 'text/plain', 4);
      // Chunks of 4 characters: 'aaaa' fills one, 'bb' + 'cccc' the next, 'd' is the rest; then the whole.
      expect(blobsBefore).toEqual([0, 1, 1, 2]);
      expect(blobs).toBe(4);
      expect(await blob.text()).toBe('aaaabbccccd');
    } finally {
      globalThis.Blob = RealBlob;
    }
  });
});
