import { DEFAULT_PROFILE } from '../settings/settings-profile';
import { decide } from '../workflow/review-chain';
import { integrityFlags } from './integrity-flags';
import { EvaluatedIndicator, scoreSelfEvaluation, scoringParametersOf } from './score';
import { SELF_EVALUATION_CHAIN } from './self-evaluation-chain';
import { checkSelfEvaluation } from './self-evaluation-checks';
import { whatIf } from './what-if';

const params = scoringParametersOf(DEFAULT_PROFILE);
const row = (over: Partial<EvaluatedIndicator> = {}): EvaluatedIndicator => ({
  level1: '产出指标', level2: '数量指标', name: '调研次数', comparator: '≥', value: '20', unit: '次', kind: '定量', weight: '30',
  actual: '20', tier: null, tierScore: null, applicable: true, deviationNote: '', ...over,
});
const budget = { initial: '100000', adjustment: '0', executed: '100000' };
const assess = (rows: EvaluatedIndicator[], b = budget) => {
  const card = scoreSelfEvaluation(b, rows, params);
  return { card, checks: checkSelfEvaluation(b, rows, card).map((c) => `${c.row ?? '-'}:${c.field}:${c.code}`) };
};

describe('checks of a self-evaluation', () => {
  it('passes a table filled in and explained', () => {
    expect(assess([row(), row({ actual: '18', deviationNote: '两次调研因疫情取消' })]).checks).toEqual([]);
  });

  it.each<[string, EvaluatedIndicator[], typeof budget, string[]]>([
    ['a shortfall without its 偏差原因分析及改进措施', [row({ actual: '18' })], budget, ['1:deviationNote:deviation-note-missing']],
    ['an overshoot past 120 % without it', [row({ actual: '25' })], budget, ['1:deviationNote:deviation-note-missing']],
    ['an actual that is not a number', [row({ actual: '二十' })], budget, ['1:actual:actual-not-a-number', '1:deviationNote:deviation-note-missing'].slice(0, 1)],
    ['an actual left empty', [row({ actual: null })], budget, ['1:actual:actual-missing']],
    ['a 定性 row without its tier and score', [row({ kind: '定性', comparator: '定性', value: '有效提升', unit: '', actual: '明显提升' })], budget, ['1:tier:tier-missing', '1:score:tier-score-missing']],
    ['a tier score outside its tier', [row({ kind: '定性', comparator: '定性', value: '有效提升', unit: '', actual: '明显提升', tier: '达成年度指标', tierScore: '20' })], budget, ['1:score:tier-score-out-of-range']],
    ['execution above the annual budget', [row()], { ...budget, executed: '100000.01' }, ['-:budget.executed:executed-over-budget']],
    ['execution not filled in', [row()], { ...budget, executed: null } as never, ['-:budget.executed:executed-missing']],
  ])('refuses %s', (_, rows, b, expected) => {
    expect(assess(rows, b).checks).toEqual(expected);
  });

  it('leaves a 不适用 row unchecked', () => {
    expect(assess([row(), row({ actual: null, applicable: false })]).checks).toEqual([]);
  });
});

describe('integrity flags', () => {
  const flagsOf = (rows: EvaluatedIndicator[], b = budget, context = {}) => integrityFlags(b, rows, scoreSelfEvaluation(b, rows, params), context).map((f) => f.code);

  it('flags every actual equal to its target — the pattern of every published 2024 table', () => {
    expect(flagsOf([row(), row({ value: '90', unit: '%', actual: '90' }), row({ kind: '定性', comparator: '定性', value: '作用明显', unit: '', actual: '作用明显', tier: '达成年度指标', tierScore: '30' })])).toEqual(['actuals-equal-targets']);
    expect(flagsOf([row(), row({ value: '90', unit: '%', actual: '92' })])).toEqual([]);
  });

  it('flags full marks while execution is below 100 %', () => {
    expect(flagsOf([row({ actual: '21' }), row({ actual: '22' })], { ...budget, executed: '80000' })).toEqual(['full-marks-under-execution']);
  });

  it('flags the same 偏差原因 in many projects, an actual far from the forecast, and round numbers', () => {
    const rows = [row({ actual: '30', deviationNote: '受疫情影响部分工作延期开展' }), row({ actual: '40', value: '25' }), row({ actual: '50', value: '35' })];
    expect(flagsOf(rows, budget, { sameNoteElsewhere: [3, 0, 0], forecasts: ['12', '38', null] })).toEqual(['same-deviation-note', 'far-from-forecast', 'round-numbers']);
  });

  it('explains each flag', () => {
    const [flag] = integrityFlags(budget, [row(), row()], scoreSelfEvaluation(budget, [row(), row()], params));
    expect(flag.message).toBe('全部 2 项指标的实际完成值都与指标值完全相同，请核实是否如实填报');
  });
});

describe('the self-evaluation chain: lead → department → finance, overrides by the reviewer whose turn it is', () => {
  it.each([
    ['the department overrides during its review, with a reason', 'submitted', 'department_reviewer', '目标设定偏低', true],
    ['finance overrides during its review', 'department_approved', 'finance_reviewer', '超额完成系指标值设定偏低', true],
    ['an override needs a reason', 'submitted', 'department_reviewer', '', false],
    ['the lead cannot override', 'draft', 'project_lead', '我觉得应该满分', false],
    ['finance cannot override before the department has reviewed', 'submitted', 'finance_reviewer', '理由', false],
  ] as const)('%s', (_, status, role, comment, ok) => {
    expect(decide(SELF_EVALUATION_CHAIN, { status, action: 'override', role, isAuthor: role === 'project_lead', submittedIt: false, comment }).ok).toBe(ok);
  });
});

describe('what-if under another profile', () => {
  it('lists every score, total and grade that would move, and nothing that would not', () => {
    const subject = { selfEvaluationId: 'e1', projectName: '督办及调研工作经费', budget, parameters: params, indicators: [{ ...row({ weight: '60', comparator: '≤', value: '90', actual: '99' }), indicatorId: 'i1' }, { ...row({ weight: '30' }), indicatorId: 'i2' }] };
    expect(whatIf([subject], { ...params, reverseRule: 'linear' })).toEqual([
      { selfEvaluationId: 'e1', projectName: '督办及调研工作经费', indicatorId: 'i1', indicator: { level1: '产出指标', level2: '数量指标', name: '调研次数' }, from: { score: '54.55', total: '94.55', grade: '优' }, to: { score: '54.00', total: '94.00', grade: '优' } },
    ]);
    expect(whatIf([subject], params)).toEqual([]);
    expect(whatIf([subject], { ...params, gradeBands: { 优: '95', 良: '80', 中: '60' } })).toEqual([
      { selfEvaluationId: 'e1', projectName: '督办及调研工作经费', from: { total: '94.55', grade: '优' }, to: { total: '94.55', grade: '良' } },
    ]);
  });
});
