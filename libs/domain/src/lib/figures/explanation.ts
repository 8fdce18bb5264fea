import Decimal from 'decimal.js';

/**
 * How a computed figure (a warning colour, a score, a grade) came about, in words a clerk can
 * check by hand: the rule, the inputs, the arithmetic, and what it gave (SPEC §12).
 */
export interface Explanation {
  rule: string;
  inputs: Record<string, string>;
  /** The arithmetic as written on paper: `5 ÷ (12 × 7/12) = 71.43% → 黄（60%–80%）`. */
  formula: string;
  result: string;
}

/** A ratio as a percent with 2 decimals, rounded half-up once at the end (0.714285… → "71.43"). */
export function percentOf(ratio: Decimal): string {
  return ratio.times(100).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** A decimal as the clerk wrote it: no trailing zeros (12.50 → 12.5). */
export function plain(value: Decimal.Value): string {
  return (value instanceof Decimal ? value : new Decimal(value)).toFixed();
}

const parsed = new Map<string, Decimal | null>();

/** A decimal from text, or null when it is empty or not a number. Remembered (decimals are immutable): targets recur in every report. */
export function decimalOf(text: string | null | undefined): Decimal | null {
  if (text === null || text === undefined) return null;
  const seen = parsed.get(text);
  if (seen !== undefined) return seen;
  const t = text.trim().replace(/[,，]/g, '');
  const value = /^-?\d+(\.\d+)?$/.test(t) ? new Decimal(t) : null;
  if (parsed.size > 20000) parsed.clear();
  parsed.set(text, value);
  return value;
}
