/** A fiscal year is a calendar year (1 January – 31 December). */
export const FISCAL_YEAR_MIN = 2000;
export const FISCAL_YEAR_MAX = 2100;

export function isFiscalYear(value: unknown): value is number {
  return Number.isInteger(value) && (value as number) >= FISCAL_YEAR_MIN && (value as number) <= FISCAL_YEAR_MAX;
}

export const FISCAL_YEAR_STATUSES = ['open', 'closed'] as const;
export type FiscalYearStatus = (typeof FISCAL_YEAR_STATUSES)[number];

export const FISCAL_YEAR_STATUS_LABELS: Record<FiscalYearStatus, string> = {
  open: '编报中',
  closed: '已关闭',
};
