import { decimalOf } from '../figures/explanation';
import { CheckSeverity, SheetCheck } from '../indicators/sheet-checks';
import { formatYuan } from '../money/money';
import { QUALITATIVE_TIER_NAMES } from '../settings/settings-profile';
import { BudgetExecution, EvaluatedIndicator, Scorecard, scoringMethodOf } from './score';

/** Problems of form: the save itself is refused (400) while any of these stands. */
export const SELF_EVALUATION_FORMAT_CODES = ['executed-not-a-number', 'adjustment-not-a-number', 'negative', 'actual-not-a-number', 'tier-unknown', 'tier-score-not-a-number', 'tier-score-out-of-range'] as const;

/**
 * Every check of a 项目支出绩效自评表 (SPEC §6), tied to its row and field: the form of each value,
 * a tier score outside its tier (with the range), execution above the annual budget, and the
 * 偏差原因分析及改进措施 that any shortfall or overshoot past the threshold requires.
 */
export function checkSelfEvaluation(budget: BudgetExecution, indicators: readonly EvaluatedIndicator[], card: Scorecard): SheetCheck[] {
  const checks: SheetCheck[] = [];
  const add = (row: number | null, field: string, severity: CheckSeverity, code: string, message: string) => checks.push({ row, field, severity, code, message });
  const executed = decimalOf(budget.executed);
  if (budget.executed?.trim() && !executed) add(null, 'budget.executed', 'blocking', 'executed-not-a-number', `全年执行数“${budget.executed}”不是金额`);
  if (budget.adjustment?.trim() && !decimalOf(budget.adjustment)) add(null, 'budget.adjustment', 'blocking', 'adjustment-not-a-number', `调整数“${budget.adjustment}”不是金额（调减写负数，如 -10000）`);
  if (executed?.isNegative()) add(null, 'budget.executed', 'blocking', 'negative', '全年执行数不能为负数');
  if (!budget.executed?.trim()) add(null, 'budget.executed', 'blocking', 'executed-missing', '请填写全年执行数');
  if (executed && executed.greaterThan(card.budget.annual)) add(null, 'budget.executed', 'blocking', 'executed-over-budget', `全年执行数 ${formatYuan(executed)} 元超过全年预算数 ${formatYuan(card.budget.annual)} 元`);

  indicators.forEach((i, index) => {
    if (!i.applicable) return;
    const row = index + 1;
    const at = `第 ${row} 行“${i.name}”`;
    if (scoringMethodOf(i) === 'tier') {
      if (i.tier && !(QUALITATIVE_TIER_NAMES as readonly string[]).includes(i.tier)) add(row, 'tier', 'blocking', 'tier-unknown', `${at}：评判等级应为“${QUALITATIVE_TIER_NAMES.join('”“')}”之一`);
      else if (!i.tier) add(row, 'tier', 'blocking', 'tier-missing', `${at}：请选择评判等级`);
      if (i.tierScore?.trim() && !decimalOf(i.tierScore)) add(row, 'score', 'blocking', 'tier-score-not-a-number', `${at}：得分“${i.tierScore}”不是数字`);
      else if (!i.tierScore?.trim()) add(row, 'score', 'blocking', 'tier-score-missing', `${at}：请在所选等级的范围内给出得分`);
      const problem = card.indicators[index].problem;
      if (problem) add(row, 'score', 'blocking', 'tier-score-out-of-range', `${at}：${problem}`);
      if (!i.actual?.trim()) add(row, 'actual', 'warning', 'actual-missing', `${at}：请简述实际完成情况`);
    } else {
      if (i.actual?.trim() && !decimalOf(i.actual)) add(row, 'actual', 'blocking', 'actual-not-a-number', `${at}：实际完成值“${i.actual}”不是数字`);
      if (!i.actual?.trim()) add(row, 'actual', 'blocking', 'actual-missing', `${at}：请填写实际完成值`);
    }
    if (card.indicators[index].needsDeviationNote && !i.deviationNote.trim()) add(row, 'deviationNote', 'blocking', 'deviation-note-missing', `${at}：未完成目标或超出目标较多，请填写偏差原因分析及改进措施`);
  });
  return checks;
}
