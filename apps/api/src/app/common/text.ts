/** What a clerk left empty (or only spaces) is stored as null; anything else trimmed. */
export function blankToNull(text: string | null | undefined): string | null {
  const t = text?.trim() ?? '';
  return t === '' ? null : t;
}

/** A search word as an ILIKE pattern matching it anywhere, its `%`, `_` and `\` taken literally. */
export function containsPattern(q: string): string {
  return `%${q.replace(/[\\%_]/g, '\\$&')}%`;
}
