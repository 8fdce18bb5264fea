/** What a clerk left empty (or only spaces) is stored as null; anything else trimmed. */
export function blankToNull(text: string | null | undefined): string | null {
  const t = text?.trim() ?? '';
  return t === '' ? null : t;
}
