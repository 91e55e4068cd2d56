/**
 * Maximum, minimum and append over lists longer than a call can take as arguments: a 5,000-host
 * region has 250,000 flows, and `Math.max(...ids.map(length))` stopped its text report.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendAll, gathered, joinInPieces, maxOf, minOf, separated } from '../../../src/model/long-lists.ts';

describe('long lists', () => {
  it('give what Math.max, Math.min and push give on short lists, the bound included', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, noDefaultInfinity: true })), fc.integer(), (values, bound) => {
        expect(maxOf(values, bound)).toBe(Math.max(bound, ...values));
        expect(minOf(values, bound)).toBe(Math.min(bound, ...values));
        expect(maxOf(values)).toBe(Math.max(...values));
        expect(minOf(values)).toBe(Math.min(...values));
        expect(appendAll([1, 2], values)).toEqual([1, 2, ...values]);
      }),
    );
    expect(maxOf([1, Number.NaN, 3])).toBeNaN();
  });

  it('take 500,000 values, where spreading them into a call overflows the stack', () => {
    const values = Array.from({ length: 500_000 }, (_, i) => (i * 7919) % 500_003);
    expect(() => Math.max(...values)).toThrow(RangeError);
    expect(maxOf(values)).toBe(500_002);
    expect(minOf(values)).toBe(0);
    expect(appendAll([], values)).toHaveLength(500_000);
  });

  it('join lines and gather pieces into the very text a single join gives', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 40 }), { maxLength: 60 }), fc.constantFrom('\n', '', ', '), (lines, separator) => {
        expect(joinInPieces(lines, separator).join('')).toBe(lines.join(separator));
        expect([...gathered(lines)].join('')).toBe(lines.join(''));
        expect([...separated(lines, separator)].join('')).toBe(lines.join(separator));
      }),
    );
    expect([...gathered([])]).toEqual(['']);
    expect([...separated([], ',')]).toEqual([]);
  });

  it('gather pieces as they come: a gathered piece is made before the pieces after it are asked for', () => {
    const line = 'y'.repeat(2 ** 18);
    let asked = 0;
    function* lines(): Generator<string> {
      for (let i = 0; i < 10; i++) {
        asked++;
        yield line;
      }
    }
    const pieces = gathered(lines())[Symbol.iterator]();
    // A quarter of a megabyte a line: four lines make the first piece of about a megabyte.
    expect(pieces.next().value).toBe(line.repeat(4));
    expect(asked).toBe(4);
    expect(pieces.next().value).toBe(line.repeat(4));
    expect(asked).toBe(8);
    expect(pieces.next().value).toBe(line.repeat(2));
    expect(pieces.next().done).toBe(true);
  });

  it('keep a text larger than one string can hold in pieces of about a megabyte', () => {
    // 600 million characters of lines: more than V8's longest string (2^29 − 24), as a 5,000-host report is.
    const line = 'x'.repeat(999);
    const lines = new Array<string>(600_000).fill(line);
    expect(() => lines.join('\n')).toThrow(RangeError);
    const pieces = joinInPieces(lines, '\n');
    expect(pieces.length).toBeGreaterThan(500);
    expect(maxOf(pieces.map((p) => p.length))).toBeLessThan(2 ** 20 + 1000);
    expect(pieces.reduce((n, p) => n + p.length, 0)).toBe(600_000 * 1000 - 1);
    const batches = [...gathered(lines)];
    expect(maxOf(batches.map((p) => p.length))).toBeLessThan(2 ** 20 + 1000);
    expect(batches.reduce((n, p) => n + p.length, 0)).toBe(600_000 * 999);
    // Over a gigabyte of strings is made and copied: 4–5.6 s on the benchmark machine, where memory
    // touched for the first time costs 12 µs a page, which the default 5 s does not always cover.
  }, 60_000);
});

