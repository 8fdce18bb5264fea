import { DEFAULT_PROFILE } from '../settings/settings-profile';
import { assessDepartmentSelfEvaluation, DepartmentSelfEvaluationContent } from './department-self-evaluation';
import { scoringParametersOf } from './score';

const parameters = scoringParametersOf(DEFAULT_PROFILE);
const indicator = (name: string, comparator: string, value: string, actual: string | null, deviationNote = '', kind = '定量') => ({ id: name, level1: '产出指标', level2: '数量指标', name, comparator, value, unit: '次', kind, actual, deviationNote });
const content = (over: Partial<DepartmentSelfEvaluationContent> = {}): DepartmentSelfEvaluationContent => ({
  budget: { basic: { initial: '27151627.29', adjustment: '1775205.94', executed: '28926833.23' }, project: { initial: '8510000.00', adjustment: '-291719.39', executed: '8218280.61' } },
  duties: [{ duty: '高质量完成政府工作报告起草', result: '政府工作报告人代会通过' }],
  indicators: [indicator('督办、调研次数', '≥', '20', '20', '无偏差'), indicator('门户网站故障率', '≤', '5', '5')],
  ...over,
});
const codes = (c: DepartmentSelfEvaluationContent) => assessDepartmentSelfEvaluation(c, parameters).checks.map((x) => `${x.row ?? '-'}:${x.code}`);

describe('the 部门整体支出绩效自评表 (SPEC §6), as the 2024 final accounts print it', () => {
  it('gives 预算确定数 = 年初预算数 + 预算调整数 and 执行率 for 基本支出, 项目支出 and the total', () => {
    const { budget, checks } = assessDepartmentSelfEvaluation(content(), parameters);
    expect(budget.basic).toMatchObject({ annual: '28926833.23', rate: '100.00' });
    expect(budget.project).toMatchObject({ annual: '8218280.61', rate: '100.00' });
    expect(budget.total).toMatchObject({ initial: '35661627.29', adjustment: '1483486.55', annual: '37145113.84', executed: '37145113.84', rate: '100.00' });
    expect(checks).toEqual([]);
  });

  it('asks for every execution, every duty’s result and every actual; refuses amounts that are not amounts', () => {
    const c = content({ duties: [{ duty: '督查督办', result: ' ' }], indicators: [indicator('督办、调研次数', '≥', '20', null), indicator('培训次数', '≥', '2', '两次')] });
    c.budget.basic.executed = '';
    c.budget.project.adjustment = '减少三十万';
    expect(codes(c)).toEqual(['-:executed-missing', '-:amount-not-a-number', '1:duty-result-missing', '1:actual-missing', '2:actual-not-a-number']);
  });

  it('needs 偏差原因分析及改进措施 for a shortfall against the target, not for a 定性 row or a target met', () => {
    const c = content({ indicators: [indicator('督办、调研次数', '≥', '20', '18'), indicator('门户网站故障率', '≤', '5', '6', '服务器迁移期间停机'), indicator('办文质量', '定性', '优良', '优良', '', '定性')] });
    expect(codes(c)).toEqual(['1:deviation-note-missing']);
  });

  it('refuses execution above the budget it was given', () => {
    const c = content();
    c.budget.project.executed = '9000000';
    expect(assessDepartmentSelfEvaluation(c, parameters).checks.map((x) => x.message)).toEqual(['项目支出执行数 9,000,000.00 元超过预算确定数 8,218,280.61 元']);
  });
});
