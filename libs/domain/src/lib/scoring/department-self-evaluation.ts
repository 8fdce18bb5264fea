import Decimal from 'decimal.js';
import { decimalOf, percentOf } from '../figures/explanation';
import { CheckSeverity, SheetCheck } from '../indicators/sheet-checks';
import { formatYuan } from '../money/money';
import { scoreSelfEvaluation, ScoringParameters } from './score';

/** One line of the money block: 年初预算数, 预算调整数 (+ / −), 全年执行数. */
export interface BudgetLineInput {
  initial: string;
  adjustment: string;
  executed: string;
}

export interface BudgetLine extends BudgetLineInput {
  /** 预算确定数 = 年初预算数 + 预算调整数. */
  annual: string;
  /** 执行率, percent with 2 decimals; null while nothing is budgeted or executed is not a number. */
  rate: string | null;
}

export interface DepartmentIndicatorResult {
  id: string;
  level1: string;
  level2: string;
  name: string;
  comparator: string | null;
  value: string;
  unit: string;
  kind: string;
  actual: string | null;
  deviationNote: string;
}

export interface DepartmentSelfEvaluationContent {
  budget: { basic: BudgetLineInput; project: BudgetLineInput };
  duties: { duty: string; result: string }[];
  indicators: DepartmentIndicatorResult[];
}

/** Values of the wrong form: the save itself is refused (400) while any stands. */
export const DEPARTMENT_SELF_EVALUATION_FORMAT_CODES = ['amount-not-a-number', 'actual-not-a-number'] as const;

const LINES = { basic: '基本支出', project: '项目支出' } as const;

function lineOf(input: BudgetLineInput): BudgetLine {
  const [initial, adjustment, executed] = [decimalOf(input.initial), decimalOf(input.adjustment) ?? new Decimal(0), decimalOf(input.executed)];
  const annual = (initial ?? new Decimal(0)).plus(adjustment);
  return { ...input, annual: annual.toFixed(2), rate: executed && annual.greaterThan(0) ? percentOf(executed.div(annual)) : null };
}

/**
 * The 部门整体支出绩效自评表's figures and checks (SPEC §6): 基本支出 / 项目支出 / 合计 with 预算确定数
 * and 执行率, each 部门年度目标 with what was done, each indicator's 实际完成值 — and the 偏差原因分析及改进措施
 * a shortfall needs, judged by the same rules that score a project (the department's indicators carry no 分值).
 */
export function assessDepartmentSelfEvaluation(content: DepartmentSelfEvaluationContent, parameters: ScoringParameters): { budget: Record<'basic' | 'project' | 'total', BudgetLine>; checks: SheetCheck[] } {
  const checks: SheetCheck[] = [];
  const add = (row: number | null, field: string, severity: CheckSeverity, code: string, message: string) => checks.push({ row, field, severity, code, message });
  const sum = (f: keyof BudgetLineInput) => (decimalOf(content.budget.basic[f]) ?? new Decimal(0)).plus(decimalOf(content.budget.project[f]) ?? 0).toFixed(2);
  const budget = { basic: lineOf(content.budget.basic), project: lineOf(content.budget.project), total: lineOf({ initial: sum('initial'), adjustment: sum('adjustment'), executed: sum('executed') }) };
  for (const part of ['basic', 'project'] as const) {
    const words = { initial: '年初预算数', adjustment: '预算调整数', executed: '执行数' } as const;
    for (const field of ['initial', 'adjustment', 'executed'] as const) {
      const text = content.budget[part][field]?.trim() ?? '';
      if (text && !decimalOf(text)) add(null, `budget.${part}.${field}`, 'blocking', 'amount-not-a-number', `${LINES[part]}${words[field]}“${text}”不是金额${field === 'adjustment' ? '（调减写负数）' : ''}`);
    }
    const executed = decimalOf(content.budget[part].executed);
    if (!content.budget[part].executed?.trim()) add(null, `budget.${part}.executed`, 'blocking', 'executed-missing', `请填写${LINES[part]}执行数`);
    else if (executed && executed.greaterThan(budget[part].annual)) add(null, `budget.${part}.executed`, 'blocking', 'executed-over-budget', `${LINES[part]}执行数 ${formatYuan(executed)} 元超过预算确定数 ${formatYuan(budget[part].annual)} 元`);
  }
  content.duties.forEach((d, n) => {
    if (!d.result.trim()) add(n + 1, `duties.${n}.result`, 'blocking', 'duty-result-missing', `第 ${n + 1} 项部门年度目标“${d.duty.slice(0, 20)}”：请填写完成情况`);
  });
  const quantitative = content.indicators.map((i) => i.kind === '定量' && i.comparator !== '定性');
  const card = scoreSelfEvaluation(
    { initial: '0', adjustment: '0', executed: '0' },
    content.indicators.map((i, n) => ({ ...i, kind: quantitative[n] ? '定量' : '定性', weight: '1', scoringRule: '', tier: null, tierScore: null, applicable: true })),
    parameters,
  );
  content.indicators.forEach((i, n) => {
    const at = `第 ${n + 1} 行“${i.name}”`;
    if (!i.actual?.trim()) add(n + 1, 'actual', 'blocking', 'actual-missing', `${at}：请填写实际完成值`);
    else if (quantitative[n] && !decimalOf(i.actual)) add(n + 1, 'actual', 'blocking', 'actual-not-a-number', `${at}：实际完成值“${i.actual}”不是数字`);
    else if (quantitative[n] && card.indicators[n].needsDeviationNote && !i.deviationNote.trim()) add(n + 1, 'deviationNote', 'blocking', 'deviation-note-missing', `${at}：未完成目标或超出目标较多，请填写偏差原因分析及改进措施`);
  });
  return { budget, checks };
}
