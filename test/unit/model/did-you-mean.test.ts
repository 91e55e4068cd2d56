import { describe, expect, it } from 'vitest';
import { didYouMean, editDistance, suggest } from '../../../src/model/did-you-mean.ts';

describe('editDistance (optimal string alignment)', () => {
  it.each([
    // one deletion: betw(e)en
    ['between', 'betwen', 1],
    // one swap of adjacent letters counts once: tr(su)t → tr(us)t
    ['trust', 'trsut', 1],
    // the textbook case: k→s, e→i, +g
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
    ['same', 'same', 0],
  ])('%s → %s is %i', (a, b, expected) => {
    expect(editDistance(a, b)).toBe(expected);
  });

  it('stops early once the distance exceeds the limit', () => {
    // the true distance is 3; with limit 1 the answer is "more than 1"
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
});

describe('[§1.2] "did you mean" hints for near misses', () => {
  it('suggests the closest field name', () => {
    expect(didYouMean('betwen', ['id', 'between', 'gbps'])).toBe('did you mean `between`?');
  });

  it('ignores case, so a capitalised key finds its field', () => {
    expect(suggest('Trust', ['id', 'trust'])).toBe('trust');
  });

  it('suggests nothing when no candidate is close', () => {
    expect(suggest('colour', ['id', 'between', 'gbps', 'mtu'])).toBeUndefined();
  });

  it('takes the first of equally close candidates', () => {
    // `dc3` is one substitution away from both
    expect(suggest('dc3', ['dc1', 'dc2'])).toBe('dc1');
  });

  it('does not take a two-character id for a typo of another (c3 is not c1)', () => {
    expect(suggest('c3', ['c1', 'c2'])).toBeUndefined();
  });

  it('prefers a closer candidate that comes later', () => {
    // `rateGbs` is 1 edit from `rateGbps`, 4 from `rate`
    expect(suggest('rateGbs', ['rate', 'rateGbps'])).toBe('rateGbps');
  });
});
