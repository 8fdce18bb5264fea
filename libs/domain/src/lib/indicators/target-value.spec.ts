import { directionOf, normaliseComparator } from './comparator';
import { parseTargetValue, quantitativeSuggestion } from './target-value';

describe('comparators', () => {
  it.each([
    ['>=', '≥'],
    ['＞＝', '≥'],
    ['≧', '≥'],
    ['大于等于', '≥'],
    ['不低于', '≥'],
    ['<=', '≤'],
    ['＜＝', '≤'],
    ['不超过', '≤'],
    ['＞', '>'],
    ['<', '<'],
    ['＝', '='],
    [' = ', '='],
    ['定性', '定性'],
    ['约', null],
    ['', null],
  ])('%p is %p', (raw, comparator) => {
    expect(normaliseComparator(raw)).toBe(comparator);
  });

  it.each([
    ['≥', '定量', '正向'],
    ['>', '定量', '正向'],
    ['=', '定量', '等于'],
    ['≤', '定量', '反向'],
    ['<', '定量', '反向'],
    ['=', '定性', '定性'],
  ] as const)('%s %s is %s', (comparator, kind, direction) => {
    expect(directionOf(comparator, kind)).toBe(direction);
  });
});

describe('the target value a person types or a table holds', () => {
  it.each([
    // typed, hints, comparator, value, unit, kind
    ['≥95%', {}, '≥', '95', '%', '定量'],
    ['>=91000 个', {}, '≥', '91000', '个', '定量'],
    ['=8 人', {}, '=', '8', '人', '定量'],
    ['<=15.5 万元/季度', {}, '≤', '15.5', '万元/季度', '定量'],
    ['≤24万', {}, '≤', '24', '万', '定量'],
    ['4篇/月', {}, null, '4', '篇/月', '定量'],
    ['≤10工作日', {}, '≤', '10', '工作日', '定量'],
    ['１，０００ 元/人.天', {}, null, '1000', '元/人.天', '定量'],
    ['有效提升', {}, '定性', '有效提升', '', '定性'],
    ['2026 年 12 月 20 日前', {}, '定性', '2026年12月20日前', '', '定性'],
    ['10月底', { comparator: '<=', kind: '定性指标' }, '≤', '10月底', '', '定性'],
    ['15日内', { comparator: '<=' }, '≤', '15日内', '', '定性'],
    ['100', { comparator: '>=', unit: '人次', kind: '定量指标' }, '≥', '100', '人次', '定量'],
    ['1.00', { comparator: '=', unit: '人(人次、家)' }, '=', '1', '人(人次、家)', '定量'],
    ['有效促进', { comparator: '=', kind: '定性指标' }, '=', '有效促进', '', '定性'],
  ] as const)('%p with %j → %s %s %s %s', (typed, hints, comparator, value, unit, kind) => {
    const parsed = parseTargetValue(typed, hints);
    expect(parsed).toMatchObject({ comparator, value, unit, kind });
    expect(parsed.problems).toEqual([]);
  });

  it('takes a unit written twice (`<=90万元` with unit 万元) as 90 and says so', () => {
    expect(parseTargetValue('<=90万元', { unit: '万元', comparator: '<=' })).toEqual({
      comparator: '≤',
      value: '90',
      unit: '万元',
      kind: '定量',
      repairs: ['指标值中重复写了指标性质，已去掉', '指标值中重复写了单位“万元”，已去掉'],
      problems: [],
    });
  });

  it('moves a glued unit into 度量单位 and says so', () => {
    expect(parseTargetValue('90万元').repairs).toEqual(['单位“万元”已从指标值中拆到度量单位']);
  });

  it('reads 以上 / 以下 as ≥ / ≤', () => {
    expect(parseTargetValue('90%以上')).toMatchObject({ comparator: '≥', value: '90', unit: '%' });
    expect(parseTargetValue('5个以下')).toMatchObject({ comparator: '≤', value: '5', unit: '个' });
  });

  it.each([
    ['≥95%', { comparator: '<=' }, '指标值中的“≥”与指标性质“≤”不一致'],
    ['90万元', { unit: '个' }, '指标值中的单位“万元”与度量单位“个”不一致'],
    ['约90', { kind: '定量指标' }, '定量指标的指标值“约90”不是数字'],
    ['90-95%', { kind: '定量指标' }, '指标值“90-95%”不是“数字 + 单位”的形式'],
  ])('refuses to guess: %p with %j', (typed, hints, problem) => {
    expect(parseTargetValue(typed, hints).problems).toEqual([problem]);
  });

  it.each([
    ['4小时', { value: '4', unit: '小时' }],
    ['<= 4小时', { value: '4', unit: '小时' }],
    ['1小时', { value: '1', unit: '小时' }],
    ['10月底', null],
    ['60日内', null],
    ['有效提升', null],
    ['2026年', null],
  ])('a 定性 value %p could be written as 定量: %j', (value, suggestion) => {
    expect(quantitativeSuggestion(value)).toEqual(suggestion);
  });
});
