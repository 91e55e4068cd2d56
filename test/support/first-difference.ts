/**
 * Where two plain-data values first differ, as a model path (`links[3].between[1]`), so a failed
 * round-trip names the field instead of dumping two whole scenarios.
 */

function describe(value: unknown): string {
  return value === undefined ? '(absent)' : JSON.stringify(value);
}

/** The first differing path with both values, or undefined when the values are deeply equal. */
export function firstDifference(a: unknown, b: unknown, path = ''): string | undefined {
  if (Object.is(a, b)) return undefined;
  const bothObjects = a !== null && b !== null && typeof a === 'object' && typeof b === 'object';
  if (!bothObjects || Array.isArray(a) !== Array.isArray(b)) return `${path || '(root)'}: ${describe(a)} ≠ ${describe(b)}`;
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const key of keys) {
    const next = Array.isArray(a) ? `${path}[${key}]` : path ? `${path}.${key}` : key;
    const found = firstDifference((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], next);
    if (found) return found;
  }
  return undefined;
}
