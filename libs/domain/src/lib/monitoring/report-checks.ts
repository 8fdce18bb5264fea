import Decimal from 'decimal.js';
import { decimalOf } from '../figures/explanation';
import { directionOf, normaliseComparator } from '../indicators/comparator';
import { CheckSeverity, SheetCheck } from '../indicators/sheet-checks';
import { formatYuan } from '../money/money';
import { LIKELIHOODS, QUALITATIVE_PROGRESS } from './warning-rules';
import { MonitoredIndicator, Warning } from './warnings';

/** One row of a 绩效运行监控表: the approved definition and what the lead reports at the cut-off. */
export interface ReportRow extends MonitoredIndicator {
  current: string | null;
  forecast: string | null;
  likelihood: string | null;
  reasons: readonly string[];
  reasonNote: string;
  measures: string;
}

export interface ReportBudget {
  annual: string;
  executed: string | null;
  forecast: string | null;
}

/** Problems of form: the save itself is refused (400) while any of these stands. */
export const REPORT_FORMAT_CODES = ['current-not-a-number', 'current-not-a-phrase', 'forecast-not-a-number', 'negative', 'likelihood-unknown', 'reason-unknown', 'budget-not-a-number'] as const;

const PERCENT_UNITS = ['%', '％', '‰'];

/** A quantity that only grows over the year (counts, amounts), not a rate. */
function isCumulative(row: ReportRow): boolean {
  return row.kind === '定量' && directionOf(normaliseComparator(row.comparator ?? '') ?? '≥', '定量') === '正向' && !PERCENT_UNITS.includes(row.unit.trim());
}

/**
 * Every check of a monitoring report (SPEC §5), tied to its row and field: the form of each value,
 * execution above the budget, a forecast below what is already done, and a red row without its
 * 偏差原因, 说明 and 纠偏措施 — blocking ones stop the submit.
 */
export function checkReport(budget: ReportBudget, rows: readonly ReportRow[], warnings: readonly (Warning | null)[], categories: readonly string[], month: number): SheetCheck[] {
  const checks: SheetCheck[] = [];
  const add = (row: number | null, field: string, severity: CheckSeverity, code: string, message: string) => checks.push({ row, field, severity, code, message });

  const annual = new Decimal(budget.annual);
  const executed = decimalOf(budget.executed);
  const forecast = decimalOf(budget.forecast);
  if (budget.executed?.trim() && executed === null) add(null, 'budget.executed', 'blocking', 'budget-not-a-number', `1-${month}月执行数“${budget.executed}”不是金额`);
  if (budget.forecast?.trim() && forecast === null) add(null, 'budget.forecast', 'blocking', 'budget-not-a-number', `全年预计执行数“${budget.forecast}”不是金额`);
  if (executed?.isNegative() || forecast?.isNegative()) add(null, 'budget', 'blocking', 'negative', '执行数不能为负数');
  if (!budget.executed?.trim()) add(null, 'budget.executed', 'blocking', 'budget-missing', `请填写 1-${month}月执行数`);
  if (executed && executed.greaterThan(annual)) add(null, 'budget.executed', 'blocking', 'executed-over-budget', `1-${month}月执行数 ${formatYuan(executed)} 元超过全年预算数 ${formatYuan(annual)} 元`);
  if (forecast && forecast.greaterThan(annual)) add(null, 'budget.forecast', 'warning', 'forecast-over-budget', `全年预计执行数 ${formatYuan(forecast)} 元超过全年预算数 ${formatYuan(annual)} 元`);
  if (forecast && executed && forecast.lessThan(executed)) add(null, 'budget.forecast', 'blocking', 'forecast-below-executed', `全年预计执行数 ${formatYuan(forecast)} 元低于已执行的 ${formatYuan(executed)} 元`);

  rows.forEach((r, index) => {
    const row = index + 1;
    const at = `第 ${row} 行“${r.name}”`;
    const current = r.current?.trim() ?? '';
    const expected = r.forecast?.trim() ?? '';
    if (r.kind === '定性') {
      if (current && !(QUALITATIVE_PROGRESS as readonly string[]).includes(current)) add(row, 'current', 'blocking', 'current-not-a-phrase', `${at}：定性指标的完成情况应为“${QUALITATIVE_PROGRESS.join('”“')}”之一`);
    } else {
      const c = decimalOf(current);
      const f = decimalOf(expected);
      if (current && c === null) add(row, 'current', 'blocking', 'current-not-a-number', `${at}：截至当前完成值“${current}”不是数字`);
      if (expected && f === null) add(row, 'forecast', 'blocking', 'forecast-not-a-number', `${at}：全年预计完成值“${expected}”不是数字`);
      if (c?.isNegative() || f?.isNegative()) add(row, c?.isNegative() ? 'current' : 'forecast', 'blocking', 'negative', `${at}：完成值不能为负数`);
      if (c && f && f.lessThan(c) && isCumulative(r)) add(row, 'forecast', 'blocking', 'forecast-below-current', `${at}：全年预计完成值 ${expected} 低于截至当前已完成的 ${current}`);
    }
    if (!current) add(row, 'current', 'blocking', 'current-missing', `${at}：请填写截至当前完成值`);
    if (!expected) add(row, 'forecast', 'blocking', 'forecast-missing', `${at}：请填写全年预计完成值`);
    if (r.likelihood && !(LIKELIHOODS as readonly string[]).includes(r.likelihood)) add(row, 'likelihood', 'blocking', 'likelihood-unknown', `${at}：完成目标可能性应为“${LIKELIHOODS.join('”“')}”之一`);
    if (!r.likelihood) add(row, 'likelihood', 'blocking', 'likelihood-missing', `${at}：请选择完成目标可能性`);
    const unknown = r.reasons.filter((x) => !categories.includes(x));
    if (unknown.length) add(row, 'reasons', 'blocking', 'reason-unknown', `${at}：偏差原因“${unknown.join('、')}”不在可选范围（${categories.join('、')}）内`);
    if (warnings[index]?.colour === 'red') {
      if (r.reasons.length === 0) add(row, 'reasons', 'blocking', 'red-needs-reasons', `${at}：红色预警，请选择偏差原因`);
      if (!r.reasonNote.trim()) add(row, 'reasonNote', 'blocking', 'red-needs-note', `${at}：红色预警，请说明偏差原因`);
      if (!r.measures.trim()) add(row, 'measures', 'blocking', 'red-needs-measures', `${at}：红色预警，请填写纠偏措施`);
    }
  });
  return checks;
}
