import Decimal from 'decimal.js';
import { ValueTransformer } from 'typeorm';

/**
 * numeric columns arrive from pg as strings; keep them as strings with a fixed scale,
 * never passing through a JS number.
 */
export function decimalTransformer(scale: number): ValueTransformer {
  return {
    to: (value: string | null | undefined) => (value === undefined || value === null ? value : new Decimal(value).toFixed(scale)),
    from: (value: string | null) => (value === null ? null : new Decimal(value).toFixed(scale)),
  };
}

export const moneyColumn = { type: 'numeric' as const, precision: 18, scale: 2, transformer: decimalTransformer(2) };
