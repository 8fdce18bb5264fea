import { DEFAULT_PROFILE } from '../settings/settings-profile';
import { budgetScore, EvaluatedIndicator, gradeOf, scoreSelfEvaluation, scoringParametersOf, ScoringParameters } from './score';

const params = scoringParametersOf(DEFAULT_PROFILE);
const linear: ScoringParameters = { ...params, reverseRule: 'linear' };
const row = (over: Partial<EvaluatedIndicator> = {}): EvaluatedIndicator => ({
  level1: '产出指标', level2: '数量指标', name: '调研次数', comparator: '≥', value: '90', unit: '次', kind: '定量', weight: '20',
  scoringRule: '按照完成比例赋分', actual: '90', tier: null, tierScore: null, applicable: true, deviationNote: '', ...over,
});
const scoreOf = (over: Partial<EvaluatedIndicator>, p = params) => scoreSelfEvaluation({ initial: '100', adjustment: '0', executed: '100' }, [row(over)], p).indicators[0];

describe('indicator scores (SPEC §6), w the weight, t the target, a the actual', () => {
  it.each<[string, Partial<EvaluatedIndicator>, string, string]>([
    ['正向: a ≥ t gives w', { actual: '95' }, '20.00', '95 ≥ 90 → 20.00'],
    ['正向: a = t gives w', { actual: '90' }, '20.00', '90 ≥ 90 → 20.00'],
    ['正向: otherwise w × a ÷ t (the worked example)', { actual: '85' }, '18.89', '20 × 85 ÷ 90 = 18.89'],
    ['正向 >: scored like ≥', { comparator: '>', actual: '45' }, '10.00', '20 × 45 ÷ 90 = 10.00'],
    ['a negative actual counts as 0', { actual: '-5' }, '0.00', '20 × 0 ÷ 90 = 0.00（实际完成值 -5 按 0 计）'],
    ['等于 with t > 0 as 正向', { comparator: '=', value: '100', unit: '%', actual: '98' }, '19.60', '20 × 98 ÷ 100 = 19.60'],
    ['等于 0 (安全事故 = 0 起), none happened', { comparator: '=', value: '0', unit: '起', actual: '0' }, '20.00', '0 ≤ 0 → 20.00'],
    ['等于 0, one happened', { comparator: '=', value: '0', unit: '起', actual: '1' }, '0.00', '1 > 0 → 0.00'],
    ['反向: a ≤ t gives w', { comparator: '≤', value: '90', unit: '万元', actual: '80' }, '20.00', '80 ≤ 90 → 20.00'],
    ['反向: a = t gives w', { comparator: '≤', value: '90', unit: '万元', actual: '90' }, '20.00', '90 ≤ 90 → 20.00'],
    ['反向 (ratio, the default): w × t ÷ a', { comparator: '≤', value: '90', unit: '万元', actual: '100' }, '18.00', '20 × 90 ÷ 100 = 18.00'],
    ['反向 <: scored like ≤', { comparator: '<', value: '5', unit: '%', actual: '5' }, '20.00', '5 ≤ 5 → 20.00'],
    ['反向 with t = 0, none happened', { comparator: '≤', value: '0', unit: '起', actual: '0' }, '20.00', '0 ≤ 0 → 20.00'],
    ['直接赋分: met gives w', { scoringRule: '直接赋分', actual: '90' }, '20.00', '90 达到指标值 90 → 20.00'],
    ['直接赋分: not met gives 0', { scoringRule: '直接赋分', actual: '89' }, '0.00', '89 未达到指标值 90 → 0.00'],
    ['rounding half-up at .005: 1 × 0.01 ÷ 2 = 0.005 → 0.01', { weight: '1', value: '2', actual: '0.01' }, '0.01', '1 × 0.01 ÷ 2 = 0.01'],
    ['rounding half-up just under .005 stays down', { weight: '1', value: '2', actual: '0.0099' }, '0.00', '1 × 0.0099 ÷ 2 = 0.00'],
  ])('%s', (_, over, score, formula) => {
    expect(scoreOf(over)).toMatchObject({ score, computed: score, explanation: { formula } });
  });

  it.each<[string, string, string, string]>([
    ['within the limit', '90', '20.00', '90 ≤ 90 → 20.00'],
    ['past it: w × (1 − (a − t) ÷ t)', '99', '18.00', '20 × (1 − (99 − 90) ÷ 90) = 18.00'],
    ['just under 2t', '179.1', '0.20', '20 × (1 − (179.1 − 90) ÷ 90) = 0.20'],
    ['at 2t nothing is left', '180', '0.00', '180 ≥ 2 × 90 → 0.00'],
    ['past 2t nothing is left', '200', '0.00', '200 ≥ 2 × 90 → 0.00'],
  ])('反向 under the linear rule, %s', (_, actual, score, formula) => {
    expect(scoreOf({ comparator: '≤', unit: '万元', actual }, linear)).toMatchObject({ score, explanation: { formula } });
  });

  describe('定性 and 按评判等级赋分: a tier and a score inside it', () => {
    const qualitative = { comparator: '定性', kind: '定性', value: '有效提升', unit: '', weight: '10', actual: '明显提升' };
    it.each<[string, string, string, string | null]>([
      ['达成年度指标 takes 8.00–10.00, both ends in', '达成年度指标', '8', '8.00'],
      ['达成年度指标 at full marks', '达成年度指标', '10', '10.00'],
      ['部分达成 takes 6.00 up to, not including, 8.00', '部分达成年度指标并具有一定效果', '6', '6.00'],
      ['未达成 takes from 0', '未达成年度指标且效果较差', '0', '0.00'],
    ])('%s', (_, tier, tierScore, score) => {
      expect(scoreOf({ ...qualitative, tier, tierScore })).toMatchObject({ score, problem: null });
    });

    it.each<[string, string, string]>([
      ['部分达成年度指标并具有一定效果', '8', '得分 8 不在“部分达成年度指标并具有一定效果”的范围 6.00–8.00（不含 8.00）内'],
      ['达成年度指标', '7.99', '得分 7.99 不在“达成年度指标”的范围 8.00–10.00 内'],
      ['未达成年度指标且效果较差', '6', '得分 6 不在“未达成年度指标且效果较差”的范围 0.00–6.00（不含 6.00）内'],
      ['达成年度指标', '10.5', '得分 10.5 不在“达成年度指标”的范围 8.00–10.00 内'],
    ])('refuses %s with %s, naming the allowed range', (tier, tierScore, problem) => {
      expect(scoreOf({ ...qualitative, tier, tierScore })).toMatchObject({ score: null, problem });
    });

    it('applies to a 定量 indicator whose rule is 按评判等级赋分 too', () => {
      expect(scoreOf({ scoringRule: '按评判等级赋分', tier: '部分达成年度指标并具有一定效果', tierScore: '13' })).toMatchObject({ score: '13.00', needsDeviationNote: true });
    });

    it('says how the tier score was given', () => {
      expect(scoreOf({ ...qualitative, tier: '达成年度指标', tierScore: '9' })?.explanation?.formula).toBe('达成年度指标（8.00–10.00）：评定 9.00');
    });
  });

  it.each<[string, Partial<EvaluatedIndicator>, boolean]>([
    ['a shortfall', { actual: '85' }, true],
    ['meeting the target', { actual: '90' }, false],
    ['an overshoot at the threshold (120 %)', { actual: '108' }, false],
    ['an overshoot past the threshold', { actual: '108.01' }, true],
    ['反向 past its limit', { comparator: '≤', actual: '91' }, true],
    ['a tier below the top', { comparator: '定性', kind: '定性', tier: '部分达成年度指标并具有一定效果', tierScore: '13' }, true],
  ])('requires 偏差原因分析及改进措施 for %s: %s', (_, over, needed) => {
    expect(scoreOf(over).needsDeviationNote).toBe(needed);
  });

  it('takes the overshoot threshold from the profile (130 % is another known value)', () => {
    expect(scoreOf({ actual: '117' }, { ...params, overshootThreshold: '1.3' }).needsDeviationNote).toBe(false);
    expect(scoreOf({ actual: '117.01' }, { ...params, overshootThreshold: '1.3' }).needsDeviationNote).toBe(true);
  });

  it('leaves out an indicator marked 不适用 and re-scales the rest to the same total', () => {
    const card = scoreSelfEvaluation({ initial: '100', adjustment: null, executed: '100' }, [row({ weight: '60', actual: '90' }), row({ name: '不适用的', weight: '30', applicable: false })], params);
    expect(card.indicators.map((i) => i.score)).toEqual(['90.00', null]);
    expect(card.indicators[0].explanation?.formula).toBe('90 ≥ 90 → 60.00，× 90 ÷ 60（不适用指标不计，其余折算）= 90.00');
    expect(card.total).toBe('100.00');
    const kept = scoreSelfEvaluation({ initial: '100', adjustment: null, executed: '100' }, [row({ weight: '60' }), row({ weight: '30', applicable: false })], { ...params, notApplicableRescale: false });
    expect([kept.indicators[0].score, kept.total]).toEqual(['60.00', '70.00']);
  });

  it('keeps the override in force beside the computed score, in the total too', () => {
    const card = scoreSelfEvaluation({ initial: '100', adjustment: null, executed: '100' }, [row({ weight: '90', actual: '150', override: '72' })], params);
    expect(card.indicators[0]).toMatchObject({ score: '72.00', computed: '90.00' });
    expect([card.total, card.grade]).toEqual(['82.00', '良']);
  });
});

describe('the budget execution score', () => {
  it.each<[string, string, string | null, string, string, string | null, string]>([
    ['fully executed', '950000', '-63313.50', '886686.50', '10.00', '100.00', '10 × min(886,686.50 ÷ 886,686.50, 100%) = 10.00'],
    ['partly executed', '1000000', null, '850000', '8.50', '85.00', '10 × min(850,000.00 ÷ 1,000,000.00, 100%) = 8.50'],
    ['more than the budget counts as 100 %', '1000000', '0', '1100000', '10.00', '110.00', '10 × min(1,100,000.00 ÷ 1,000,000.00, 100%) = 10.00'],
    ['an adjustment raises the annual budget', '90600', '34916.06', '125516.06', '10.00', '100.00', '10 × min(125,516.06 ÷ 125,516.06, 100%) = 10.00'],
  ])('%s', (_, initial, adjustment, executed, score, rate, formula) => {
    expect(budgetScore({ initial, adjustment, executed }, params)).toMatchObject({ score, rate, explanation: { formula } });
  });

  it('gives nothing while unfilled or for a zero budget', () => {
    expect(budgetScore({ initial: '1000', adjustment: null, executed: null }, params).score).toBe('0.00');
    expect(budgetScore({ initial: '0', adjustment: null, executed: '0' }, params).score).toBe('0.00');
  });
});

describe('grades 优 / 良 / 中 / 差 by the profile’s bands, lower bounds inclusive', () => {
  it.each<[string, string]>([
    ['100', '优'], ['90', '优'], ['89.99', '良'], ['80', '良'], ['79.99', '中'], ['60', '中'], ['59.99', '差'], ['0', '差'],
  ])('%s → %s', (total, grade) => {
    expect(gradeOf(total, params)).toBe(grade);
  });

  it('explains the grade', () => {
    const card = scoreSelfEvaluation({ initial: '100', adjustment: null, executed: '100' }, [row({ weight: '90', actual: '80' })], params);
    expect(card.gradeExplanation).toMatchObject({ formula: '90.00 ≥ 90 → 优'.replace('90.00', card.total), result: card.grade });
    expect(card.total).toBe('90.00');
  });
});
