/** Plain string order (code units), the order every result array is sorted in (SPEC §4). */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
