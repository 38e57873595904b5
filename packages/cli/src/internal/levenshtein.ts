/**
 * Edit distance (Levenshtein) between two strings, by code point, case-insensitive.
 * @internal
 */
export function editDistance(a: string, b: string): number {
  const s = [...a.toLowerCase()];
  const t = [...b.toLowerCase()];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    prev = cur;
  }
  return prev[t.length]!;
}

/**
 * The candidates closest to `word`, best first: those within a distance of
 * about a third of the word's length, or that contain it / are contained in it
 * (so `allocate` suggests `core.allocate`). Ties keep the candidates' order.
 * @internal
 */
export function closest(word: string, candidates: readonly string[], max = 3): string[] {
  const w = word.toLowerCase();
  const limit = Math.max(2, Math.ceil(w.length / 3));
  const scored = candidates.map((c, i) => {
    const lc = c.toLowerCase();
    const tail = lc.includes(".") ? lc.slice(lc.lastIndexOf(".") + 1) : lc;
    const d = Math.min(editDistance(w, lc), editDistance(w, tail) + 1);
    const contains = w.length >= 3 && (lc.includes(w) || w.includes(lc));
    return { c, i, d: contains ? Math.min(d, 1) : d };
  });
  return scored
    .filter((s) => s.d <= limit)
    .sort((a, b) => a.d - b.d || a.i - b.i)
    .slice(0, max)
    .map((s) => s.c);
}
