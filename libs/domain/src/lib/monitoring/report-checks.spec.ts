import { DEFAULT_PROFILE } from '../settings/settings-profile';
import { assessReport } from './assess-report';
import { ReportBudget, ReportRow } from './report-checks';

const row = (over: Partial<ReportRow> = {}): ReportRow => ({
  level1: '产出指标', level2: '数量指标', name: '调研次数', comparator: '≥', value: '12', unit: '次', kind: '定量',
  current: '7', forecast: '12', likelihood: '确定能', reasons: [], reasonNote: '', measures: '', ...over,
});
const budget: ReportBudget = { annual: '1000000.00', executed: '600000', forecast: '1000000' };
const codes = (b: ReportBudget, rows: ReportRow[]) =>
  assessReport(b, rows, 7, DEFAULT_PROFILE.warningRules, DEFAULT_PROFILE.deviationCategories).checks.map((c) => `${c.row ?? '-'}:${c.field}:${c.code}`);

describe('checks of a monitoring report (SPEC §5)', () => {
  it('passes a report filled in on track', () => {
    expect(codes(budget, [row()])).toEqual([]);
  });

  it('needs a red row’s 偏差原因, its explanation and 纠偏措施 before submit', () => {
    expect(codes(budget, [row({ current: '1' })])).toEqual(['1:reasons:red-needs-reasons', '1:reasonNote:red-needs-note', '1:measures:red-needs-measures']);
    expect(codes(budget, [row({ current: '1', reasons: ['经费保障'], reasonNote: '资金下达较晚', measures: '加快采购进度' })])).toEqual([]);
  });

  it('makes a row red through 完全不可能, which then needs its reasons too', () => {
    expect(codes(budget, [row({ likelihood: '完全不可能' })])).toHaveLength(3);
  });

  it.each<[string, ReportBudget, Partial<ReportRow>, string[]]>([
    ['execution above the annual budget', { ...budget, executed: '1000000.01', forecast: '1000000.01' }, {}, ['-:budget.executed:executed-over-budget', '-:budget.forecast:forecast-over-budget']],
    ['a forecast below what is already spent', { ...budget, forecast: '500000' }, {}, ['-:budget.forecast:forecast-below-executed']],
    ['negative execution', { ...budget, executed: '-1' }, {}, ['-:budget:negative']],
    ['a cumulative indicator forecast below its current value', budget, { current: '8', forecast: '7' }, ['1:forecast:forecast-below-current']],
    ['a rate may end the year lower than it is now', budget, { unit: '%', value: '95', current: '98', forecast: '96' }, []],
    ['a 定性 value that is not one of the three phrases', budget, { kind: '定性', comparator: '定性', value: '有效提升', current: '基本完成' }, ['1:current:current-not-a-phrase']],
    ['a 定量 value that is not a number', budget, { current: '七次' }, ['1:current:current-not-a-number']],
    ['a 偏差原因 that is not a category of the profile', budget, { reasons: ['天气原因'] }, ['1:reasons:reason-unknown']],
    ['a 完成目标可能性 that is not one of the three', budget, { likelihood: '应该能' }, ['1:likelihood:likelihood-unknown']],
    ['an unfilled row', { ...budget, executed: null }, { current: null, forecast: null, likelihood: null }, ['-:budget.executed:budget-missing', '1:current:current-missing', '1:forecast:forecast-missing', '1:likelihood:likelihood-missing']],
  ])('refuses %s', (_, b, over, expected) => {
    expect(codes(b, [row(over)])).toEqual(expected);
  });
});
