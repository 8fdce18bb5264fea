import Decimal from 'decimal.js';

/** Money is yuan with at most 2 decimals; it travels as a string and is never a JS float. */
const MONEY_PATTERN = /^-?\d{1,16}(\.\d{1,2})?$/;

export function isMoney(text: string): boolean {
  return MONEY_PATTERN.test(text);
}

/** Parses "1,234.5" or "1234.50" into a Decimal; null when it is not money. */
export function parseMoney(text: string): Decimal | null {
  const cleaned = text.replace(/[,，\s]/g, '');
  return isMoney(cleaned) ? new Decimal(cleaned) : null;
}

/** The canonical transport form: "1234.50". */
export function formatMoney(value: Decimal.Value): string {
  return new Decimal(value).toFixed(2, Decimal.ROUND_HALF_UP);
}

/** An amount as a clerk reads it in a message: 2 decimals with thousands separators, `8,650,000.00`. */
export function formatYuan(value: Decimal.Value): string {
  const [whole, cents] = formatMoney(value).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

/** Yuan to 万元 with 2 decimals, half-up, as the official tables print it. */
export function toWanYuan(yuan: Decimal.Value): string {
  return new Decimal(yuan).dividedBy(10_000).toFixed(2, Decimal.ROUND_HALF_UP);
}

export interface FundSplit {
  total: string;
  currentYearAppropriation: string;
  carryOver: string;
  other: string;
}

/**
 * 年度预算总额 must equal 当年财政拨款 + 上年结转 + 其他资金.
 * Returns a message for a clerk, or null when the split adds up.
 */
export function fundSplitProblem(funds: FundSplit): string | null {
  const parts = [funds.currentYearAppropriation, funds.carryOver, funds.other].map(
    (part) => new Decimal(part),
  );
  const sum = parts.reduce((acc, part) => acc.plus(part), new Decimal(0));
  if (sum.equals(new Decimal(funds.total))) return null;
  return `年度预算总额 ${formatYuan(funds.total)} 元不等于当年财政拨款、上年结转与其他资金之和 ${formatYuan(sum)} 元`;
}
