/**
 * Values a scenario file should never contain, as fast-check arbitraries: wrong types, huge and
 * negative numbers, NaN, unicode and control characters, deep nesting and megabyte strings. Big
 * values are built by `map` from a small choice, so generating them stays cheap and shrinking
 * goes to the small ones.
 */
import fc from 'fast-check';
import type { Json } from '../support/to-file-document.ts';

/** Numbers at the edges: IEEE 754 extremes, beyond safe integers, negative, NaN, infinities, -0. */
export const nastyNumber = fc.constantFrom(
  Number.NaN,
  Number.POSITIVE_INFINITY,
  Number.NEGATIVE_INFINITY,
  -0,
  -1,
  -1e9,
  0,
  0.5,
  2 ** 53 + 2,
  1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  65_536,
  4_294_967_296,
);

/** Strings that break naive code: empty, control characters, bidi overrides, astral and combining characters, lookalikes. */
export const nastyString = fc.oneof(
  fc.constantFrom('', ' ', '\u0000', '\u0007\b\f\v', '\t\n\r', '\u202e\u2066evil', '\uFEFF', 'h\u0301', '𝔥𝔬𝔰𝔱', '💥', '\uD800', 'ｈ１', '../../etc', '__proto__', 'constructor', '${x}', '%s%n', '*a', '&a', '!!js/function', 'null', '~', 'yes', '0x1F', '1e999'),
  fc.string({ unit: 'binary', maxLength: 12 }),
);

/** A megabyte-sized string (1 MiB of one character, or of a repeated multi-byte sequence). */
export const hugeString = fc.constantFrom('x', 'é', '𝔥', '\u0000', '- ').map((unit) => unit.repeat(Math.ceil((1 << 20) / unit.length)));

/** Nesting `depth` levels deep: arrays in arrays, or objects in objects. */
export function nested(depth: number, kind: 'array' | 'object'): Json {
  let value: Json = 'bottom';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { deeper: value };
  return value;
}

/**
 * Deeply nested structures, beyond any scenario's 7 levels and (20,000) where recursive code would
 * overflow its stack. `maxDepth` keeps them printable for targets that go through a YAML writer.
 */
export function deepValue(maxDepth: number): fc.Arbitrary<Json> {
  const depths = [70, 1_000, 20_000].filter((d) => d <= maxDepth);
  return fc.record({ depth: fc.constantFrom(...depths), kind: fc.constantFrom('array' as const, 'object' as const) }).map(({ depth, kind }) => nested(depth, kind));
}

/** Any wrong value for a field, nested at most `maxDepth`. Megabyte strings and deep nesting are rare, to keep runs fast. */
export function nastyValue(maxDepth: number): fc.Arbitrary<Json> {
  return fc.oneof(
    { weight: 6, arbitrary: nastyNumber },
    { weight: 6, arbitrary: nastyString },
    { weight: 3, arbitrary: fc.constantFrom<Json>(null, true, false, [], {}, [null], { id: null }, [[]], { '': '' }) },
    { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json> },
    { weight: 1, arbitrary: hugeString },
    { weight: 1, arbitrary: deepValue(maxDepth) },
  );
}
