/**
 * "did you mean mapping?" for a misspelt key or column. Keys are compared loosely (case, `_`, `-` and
 * spaces ignored, ё = е) so that `utm_source`, `UtmSource` and `utmsource` all point at `utmSource`.
 */

export function looseKey(text: string): string {
  // NFC: a "й" typed on a Mac (и + combining breve) is the same letter as one typed on Windows.
  return text
    .normalize("NFC")
    .trim()
    .toLowerCase()
    .replace(/ё/g, "е")
    .replace(/[\s_\-.]+/g, "");
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
export function editDistance(a: string, b: string): number {
  const rows = a.length + 1;
  const cols = b.length + 1;
  const d: number[][] = Array.from({ length: rows }, (_, i) =>
    Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        best = Math.min(best, d[i - 2]![j - 2]! + 1);
      d[i]![j] = best;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The candidate closest to `word`, if it is close enough to be a plausible typo: an exact loose match,
 * one edit for short words, two for words of 6+ characters. Ties go to the earlier candidate.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const target = looseKey(word);
  if (target === "") return undefined;
  const allowed = target.length >= 6 ? 2 : 1;
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(target, looseKey(candidate));
    if (distance <= allowed && (best === undefined || distance < best.distance))
      best = { candidate, distance };
  }
  return best?.candidate;
}
