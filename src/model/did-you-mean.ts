/**
 * "Did you mean …?" suggestions for misspelt field names, enum words and ids, by optimal string
 * alignment distance (Damerau–Levenshtein with adjacent transpositions), case-insensitive.
 */

/** Largest edit distance still worth suggesting for a word of this length. */
function maxDistanceFor(length: number): number {
  // `c3` for `c1` is a different id, not a typo: very short words only match up to case.
  if (length <= 2) return 0;
  if (length <= 3) return 1;
  return length <= 6 ? 2 : 3;
}

/**
 * Edit distance between `a` and `b` counting insertions, deletions, substitutions and swaps of
 * two adjacent characters; stops early and returns `limit + 1` once it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        value = Math.min(value, before[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    before = previous;
    previous = current;
  }
  return previous[b.length]!;
}

/** The candidate closest to `word` (first one on ties), or undefined when none is close enough. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const lower = word.toLowerCase();
  let limit = maxDistanceFor(word.length);
  let best: string | undefined;
  for (const candidate of candidates) {
    if (candidate === word) continue;
    const distance = editDistance(lower, candidate.toLowerCase(), limit);
    if (distance <= limit) {
      best = candidate;
      // From now on only a strictly closer candidate may replace this one.
      limit = distance - 1;
      if (limit < 0) break;
    }
  }
  return best;
}

/** `did you mean \`x\`?`, or undefined. */
export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  const match = suggest(word, candidates);
  return match === undefined ? undefined : `did you mean \`${match}\`?`;
}
