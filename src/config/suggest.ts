// "Did you mean …?" for misspelt keys and values. Case and `-`/`_` are ignored because those are the slips
// people make most (`SLA`, `business-days`), and only near misses are offered: a far-fetched guess misleads.

/** Levenshtein distance, two rows at a time. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

const fold = (text: string): string => text.toLowerCase().replaceAll("-", "_");

/** The known word closest to `given`, or null when none is close enough to be a plausible typo. */
export function closest(given: string, known: readonly string[], aliases: Readonly<Record<string, string>> = {}): string | null {
  if (Object.hasOwn(aliases, fold(given))) return aliases[fold(given)] ?? null;
  let best: { word: string; distance: number } | null = null;
  for (const word of known) {
    const distance = editDistance(fold(given), fold(word));
    if (best === null || distance < best.distance) best = { word, distance };
  }
  const tolerance = Math.max(2, Math.floor(given.length / 4));
  return best !== null && best.distance <= tolerance ? best.word : null;
}

/** "a, b or c" — how the lists of allowed words read in problem messages. */
export function listWords(words: readonly string[]): string {
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}`;
}
