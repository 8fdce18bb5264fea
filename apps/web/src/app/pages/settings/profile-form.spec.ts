import { DEFAULT_PROFILE, profileProblems } from '@pm/domain';
import { copyOf, fromServer, newProfile, percentAsThreshold, problemsByField, reverseExample, thresholdAsPercent, withField } from './profile-form';
import { changeRows } from './what-if';

describe('the profile form', () => {
  it.each([
    ['1.2', '120'],
    ['1.3', '130'],
    ['1.25', '125'],
    ['abc', 'abc'],
  ])('shows the overshoot threshold %p as %p %', (threshold, percent) => {
    expect(thresholdAsPercent(threshold)).toBe(percent);
  });

  it('turns the percent typed back into the threshold, in decimals (115 % is 1.15, not 1.1500000000000001)', () => {
    expect(percentAsThreshold('115')).toBe('1.15');
    expect(percentAsThreshold('120')).toBe('1.2');
    expect(percentAsThreshold('12o')).toBe('12o');
  });

  it('changes one field by the path its problems name, leaving the profile it came from alone', () => {
    const original = copyOf(DEFAULT_PROFILE);
    const changed = withField(withField(original, 'gradeBands.优', '80'), 'qualitativeTiers.达成年度指标.0', '85');
    expect(changed.gradeBands).toEqual({ 优: '80', 良: '80', 中: '60' });
    expect(changed.qualitativeTiers.达成年度指标).toEqual(['85', '100']);
    expect(original.gradeBands.优).toBe('90');
    expect(Object.keys(withField(original, 'suggestedSplit.满意度指标', undefined).suggestedSplit)).toEqual(['产出指标', '效益指标']);
  });

  it('ties each problem to its own field and says the overshoot in percent', () => {
    const profile = withField(withField(newProfile(), 'gradeBands.优', '80'), 'overshootThreshold', '0.8');
    const byField = problemsByField(profileProblems(profile));
    expect(byField['name']).toEqual(['请填写方案名称']);
    expect(byField['gradeBands']).toEqual(['等级分数线应为 优 > 良 > 中']);
    expect(byField['overshootThreshold']).toEqual(['超额完成的说明线应为 100%–1000% 之间的数字']);
  });

  it('reads the server’s field errors without their `profile.` prefix; a duplicate name falls to the name field', () => {
    expect(fromServer([{ field: 'profile.gradeBands.优', message: '“优”的分数线应为数字' }], null)).toEqual([{ field: 'gradeBands.优', message: '“优”的分数线应为数字' }]);
    expect(fromServer([], { field: 'name', message: '已有名为“默认”的参数方案' })).toEqual([{ field: 'name', message: '已有名为“默认”的参数方案' }]);
  });

  it('works the 反向 example by the domain’s engine: 11.25 by ratio, 10.00 linear', () => {
    expect(reverseExample('ratio')).toBe('15 × 90 ÷ 120 = 11.25');
    expect(reverseExample('linear')).toBe('15 × (1 − (120 − 90) ÷ 90) = 10.00');
  });
});

describe('the what-if table', () => {
  it('tells the budget row, indicator rows and total-only rows apart, and counts grades that move once per evaluation', () => {
    const { rows, evaluations, gradeMoves } = changeRows([
      { selfEvaluationId: 'a', projectName: '甲', indicatorId: 'i1', from: { score: '11.25', total: '90.25', grade: '优' }, to: { score: '10.00', total: '89.00', grade: '良' } },
      { selfEvaluationId: 'a', projectName: '甲', from: { score: '9.50', total: '90.25', grade: '优' }, to: { score: '9.00', total: '89.00', grade: '良' } },
      { selfEvaluationId: 'b', projectName: '乙', from: { total: '70.00', grade: '中' }, to: { total: '71.00', grade: '中' } },
    ]);
    expect(rows.map((r) => [r.kind, r.gradeMoved])).toEqual([['indicator', true], ['budget', true], ['total', false]]);
    expect(evaluations).toBe(2);
    expect(gradeMoves).toBe(1);
  });
});
