import { Pipe, PipeTransform } from '@angular/core';

/** "925269.00" → "925,269.00": money stays a string, never a float. */
export function groupThousands(amount: string | null | undefined): string {
  if (amount === null || amount === undefined || amount === '') return '—';
  const [whole, fraction] = amount.split('.');
  const sign = whole.startsWith('-') ? '-' : '';
  const digits = whole.replace('-', '').replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${digits}${fraction !== undefined ? '.' + fraction : ''}`;
}

const YUAN = /^(\d{1,16})(?:\.(\d{1,2}))?$/;

function toCents(text: string): bigint | null {
  const match = YUAN.exec(text.replace(/[,，\s]/g, ''));
  return match ? BigInt(match[1]) * 100n + BigInt((match[2] ?? '0').padEnd(2, '0')) : null;
}

function fromCents(cents: bigint): string {
  return `${cents / 100n}.${String(cents % 100n).padStart(2, '0')}`;
}

/** "1,234.5" → "1234.50"; null when it is not an amount of yuan (≥ 0, at most 2 decimals). */
export function normaliseYuan(text: string): string | null {
  const cents = toCents(text);
  return cents === null ? null : fromCents(cents);
}

/** The sum of amounts, added in cents (never floats); null when any part is not an amount. */
export function addYuan(...parts: string[]): string | null {
  const cents = parts.map(toCents);
  return cents.some((c) => c === null) ? null : fromCents((cents as bigint[]).reduce((a, b) => a + b, 0n));
}

@Pipe({ name: 'yuan' })
export class YuanPipe implements PipeTransform {
  transform(amount: string | null | undefined): string {
    return groupThousands(amount);
  }
}
