import { describe, expect, it } from 'vitest';
import { decodeShareHash, isShareHash, shareLink, SHARE_LIMIT_BYTES } from '../../src/app/export/share-link.ts';

describe('share links carry the scenario in the URL fragment (issue 5)', () => {
  it('a link decodes to exactly the text it was made from, comments and non-ASCII included', async () => {
    const text = 'plainsight: 1\nname: "Zürich – DC ✓"\n# a comment\nsites: []\n';
    const link = await shareLink(text, 'https://plainsight.example/app/?x=1#old');
    if (!('url' in link)) throw new Error('too long');
    const hash = link.url.slice(link.url.indexOf('#'));
    expect(link.url.startsWith('https://plainsight.example/app/?x=1#s=')).toBe(true);
    expect(isShareHash(hash)).toBe(true);
    // base64url only: nothing a mail client or chat tool would re-encode.
    expect(hash.slice(3)).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(await decodeShareHash(hash)).toBe(text);
  });

  it(`a scenario whose link would exceed ${SHARE_LIMIT_BYTES} bytes gets no link but its length`, async () => {
    // Incompressible text: 100,000 pseudo-random hex digits stay > 64 KB after deflate + base64.
    let x = 1;
    const noise = Array.from({ length: 100_000 }, () => ((x = (x * 16807) % 2147483647) % 16).toString(16)).join('');
    const link = await shareLink(`name: ${noise}\n`, 'https://h/');
    expect('tooLong' in link && link.tooLong > SHARE_LIMIT_BYTES).toBe(true);
  });

  it('a damaged link is an error, not a wrong scenario', async () => {
    await expect(decodeShareHash('#s=AAAA')).rejects.toThrow();
  });
});
