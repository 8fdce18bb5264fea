import { SelfEvaluationDto, SelfEvaluationIndicatorDto } from '@pm/api-contract';
import { DEFAULT_PROFILE, ScoringParameters, scoringParametersOf } from '@pm/domain';
import { checksOfError, mergedChecks } from '../../shared/refusals';
import { amountOf, inputOf, liveFigures, saveRequestOf, targetText } from './evaluation-form';
import { changedRows } from './import-dialog';

const row = (over: Partial<SelfEvaluationIndicatorDto>): SelfEvaluationIndicatorDto => ({
  indicatorId: 'i1',
  level1: '产出指标',
  level2: '数量指标',
  name: '应急演练次数',
  comparator: '≥',
  value: '90',
  unit: '次',
  kind: '定量',
  weight: '20.00',
  scoringRule: '',
  scoringMethod: 'ratio',
  tierRanges: null,
  evidenceRequired: '',
  forecast: null,
  actual: null,
  tier: null,
  tierScore: null,
  applicable: true,
  score: null,
  computedScore: null,
  override: null,
  deviationNote: '',
  needsDeviationNote: false,
  explanation: null,
  ...over,
});

const TIERS = [
  { tier: '达成年度指标', from: '56.00', to: '70.00', includesTo: true, words: '56.00–70.00' },
  { tier: '部分达成年度指标并具有一定效果', from: '42.00', to: '56.00', includesTo: false, words: '42.00–56.00（不含 56.00）' },
  { tier: '未达成年度指标且效果较差', from: '0.00', to: '42.00', includesTo: false, words: '0.00–42.00（不含 42.00）' },
];

/** A fresh 自评表 as the server opens it: nothing filled, nothing scored. */
function evaluation(): SelfEvaluationDto {
  return {
    id: 'e1',
    version: 0,
    status: 'draft',
    projectId: 'p1',
    projectName: '应急演练经费',
    unitName: '曲靖市应急管理局（本级）',
    departmentName: '曲靖市应急管理局',
    fiscalYear: 2026,
    parameters: scoringParametersOf(DEFAULT_PROFILE),
    roundId: 'r1',
    deadline: '2027-01-31',
    profile: { id: 'default', name: DEFAULT_PROFILE.name },
    budget: { initial: '500000.00', adjustment: null, annual: '500000.00', executed: null, rate: null, weight: '10', score: '0.00', explanation: { rule: '', inputs: {}, formula: '全年执行数未填 → 0.00', result: '0.00' } },
    goal: '',
    goalActual: '',
    indicators: [row({}), row({ indicatorId: 'i2', level1: '效益指标', level2: '社会效益指标', name: '应急处置能力', comparator: '定性', value: '明显提升', unit: '', kind: '定性', weight: '70.00', scoringMethod: 'tier', tierRanges: TIERS })],
    total: '0.00',
    grade: '差',
    gradeExplanation: { rule: '', inputs: {}, formula: '0.00 < 60 → 差', result: '差' },
    checks: [],
    flags: [],
    actions: ['save', 'import', 'submit'],
    sinceReturn: null,
    evidence: [],
    missingEvidence: [],
    published: null,
  };
}

/** The parameters the evaluation keeps, as the form scores with them. */
function parameters(): ScoringParameters {
  return evaluation().parameters;
}

describe('the 自评表 form in the browser', () => {
  it('scores what the lead types with the arithmetic a clerk can check', () => {
    const e = evaluation();
    const input = inputOf(e);
    input.executed = '450,000';
    input.rows[0].actual = '85';
    input.rows[1] = { ...input.rows[1], actual: '处置能力有所提升', tier: '部分达成年度指标并具有一定效果', tierScore: '50' };
    const f = liveFigures(e, input, parameters());
    expect(f.budget.explanation.formula).toBe('10 × min(450,000.00 ÷ 500,000.00, 100%) = 9.00');
    expect(f.rows[0]).toMatchObject({ score: '18.89', needsDeviationNote: true, explanation: expect.objectContaining({ formula: '20 × 85 ÷ 90 = 18.89' }) });
    expect(f.rows[1].explanation?.formula).toBe('部分达成年度指标并具有一定效果（42.00–56.00（不含 56.00））：评定 50.00');
    expect([f.total, f.grade]).toEqual(['77.89', '中']);
    expect(f.checks.filter((c) => c.code === 'deviation-note-missing').map((c) => c.row)).toEqual([1, 2]);
  });

  it('refuses a tier score outside its tier with the allowed range, before the server does', () => {
    const e = evaluation();
    const input = inputOf(e);
    input.rows[1] = { ...input.rows[1], tier: '部分达成年度指标并具有一定效果', tierScore: '60' };
    const checks = liveFigures(e, input, parameters()).checks.filter((c) => c.code === 'tier-score-out-of-range');
    expect(checks.map((c) => c.message)).toEqual(['第 2 行“应急处置能力”：得分 60 不在“部分达成年度指标并具有一定效果”的范围 42.00–56.00（不含 56.00）内']);
  });

  it('keeps the override in force beside the computed score', () => {
    const e = evaluation();
    e.indicators[0] = { ...e.indicators[0], override: { score: '17.00', reason: '签到表缺失', by: '审核人', at: '2027-01-05T08:00:00Z' } };
    const input = inputOf(e);
    input.rows[0].actual = '85';
    const f = liveFigures(e, input, parameters());
    expect(f.rows[0]).toMatchObject({ score: '17.00', computed: '18.89' });
  });

  it('scores with the parameters the evaluation keeps, not the year’s current profile', () => {
    const e = { ...evaluation(), parameters: { ...evaluation().parameters, reverseRule: 'linear' as const } };
    e.indicators = [row({ name: '演练成本', comparator: '≤', value: '90', unit: '万元', weight: '15.00' })];
    const input = inputOf(e);
    input.rows[0].actual = '120';
    expect(liveFigures(e, input, e.parameters).rows[0].explanation?.formula).toBe('15 × (1 − (120 − 90) ÷ 90) = 10.00');
    expect(liveFigures(e, input, evaluation().parameters).rows[0].explanation?.formula).toBe('15 × 90 ÷ 120 = 11.25');
  });

  it('sends blanks as null, amounts without separators, and the tier score as score', () => {
    const e = evaluation();
    const input = inputOf(e);
    input.executed = amountOf('886,686.50');
    input.rows[1] = { ...input.rows[1], tier: '达成年度指标', tierScore: ' 60 ' };
    expect(saveRequestOf(e, input)).toEqual({
      version: 0,
      budget: { executed: '886686.50', adjustment: null },
      goalActual: '',
      indicators: [
        { indicatorId: 'i1', actual: null, tier: null, score: null, applicable: true, deviationNote: '' },
        { indicatorId: 'i2', actual: null, tier: '达成年度指标', score: '60', applicable: true, deviationNote: '' },
      ],
    });
  });

  it('shows a refused save at its rows once, beside the live checks', () => {
    const live = [{ row: 2, field: 'score', severity: 'blocking' as const, code: 'tier-score-out-of-range', message: '第 2 行“应急处置能力”：得分 60 不在…' }];
    const refused = checksOfError({ message: '有 2 处填写有误，未保存', errors: [{ row: 2, field: 'score', message: '第 2 行“应急处置能力”：得分 60 不在…' }, { row: 1, field: 'actual', message: '实际完成值过长' }] });
    expect(mergedChecks(live, refused).map((c) => [c.row, c.code])).toEqual([
      [2, 'tier-score-out-of-range'],
      [1, 'refused'],
    ]);
  });

  it('prints targets as the official table does', () => {
    expect(targetText({ comparator: '≥', value: '90', unit: '次' })).toBe('≥90次');
    expect(targetText({ comparator: '定性', value: '明显提升', unit: '' })).toBe('明显提升');
  });

  it('lists what an imported workbook would change, row by row', () => {
    const before = evaluation();
    const after = evaluation();
    after.indicators[0] = { ...after.indicators[0], actual: '85', score: '18.89', deviationNote: '两次演练因汛期顺延' };
    expect(changedRows(before, after)).toEqual([
      {
        row: 1,
        name: '应急演练次数',
        fields: [
          { label: '实际完成值', from: '空', to: '85' },
          { label: '得分', from: '空', to: '18.89' },
          { label: '偏差原因分析及改进措施', from: '空', to: '两次演练因汛期顺延' },
        ],
      },
    ]);
  });
});
