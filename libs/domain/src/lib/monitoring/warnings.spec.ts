import { Colour } from './colours';
import { DEFAULT_WARNING_RULES, WarningRules } from './warning-rules';
import { budgetWarning, indicatorWarning, MonitoredIndicator, reportColour } from './warnings';

const indicator = (over: Partial<MonitoredIndicator> = {}): MonitoredIndicator => ({
  level1: '产出指标', level2: '数量指标', name: '调研次数', comparator: '≥', value: '12', unit: '次', kind: '定量', ...over,
});
const lag: WarningRules = { ...DEFAULT_WARNING_RULES, method: 'lag' };
const floors: WarningRules = { ...DEFAULT_WARNING_RULES, method: 'floors' };
const partial: WarningRules = { ...DEFAULT_WARNING_RULES, proRate: 'partial' };

describe('indicator warnings (SPEC §5, FASP ratio rule by default)', () => {
  it.each<[string, Partial<MonitoredIndicator>, string, number, Colour, string | null, string]>([
    // 正向: v = 当前完成值 ÷ (指标值 × m/12)
    ['正向, lagging: the worked example', {}, '5', 7, 'yellow', '71.43', '5 ÷ (12 × 7/12) = 71.43% → 黄（60%–80%）'],
    ['正向, exactly 60 % is yellow (lower bounds inclusive)', {}, '4.2', 7, 'yellow', '60.00', '4.2 ÷ (12 × 7/12) = 60.00% → 黄（60%–80%）'],
    ['正向, just under 60 % is red', {}, '4.19', 7, 'red', '59.86', '4.19 ÷ (12 × 7/12) = 59.86% → 红（<60%）'],
    ['正向, exactly 80 % is green', {}, '5.6', 7, 'green', '80.00', '5.6 ÷ (12 × 7/12) = 80.00% → 绿（80%–120%）'],
    ['正向, exactly 120 % is blue', {}, '8.4', 7, 'blue', '120.00', '8.4 ÷ (12 × 7/12) = 120.00% → 蓝（≥120%）'],
    ['正向, on track', {}, '7', 7, 'green', '100.00', '7 ÷ (12 × 7/12) = 100.00% → 绿（80%–120%）'],
    ['正向 at year end (m = 12): the target itself', {}, '12', 12, 'green', '100.00', '12 ÷ (12 × 12/12) = 100.00% → 绿（80%–120%）'],
    ['正向, nothing done yet is red', {}, '0', 7, 'red', '0.00', '当前完成值为 0 → 红'],
    ['等于 with a target above 0 counts as 正向', { comparator: '=', value: '100', unit: '%' }, '50', 6, 'green', '100.00', '50 ÷ (100 × 6/12) = 100.00% → 绿（80%–120%）'],
    ['等于 0 (安全事故 = 0 起), none happened', { comparator: '=', value: '0', unit: '起' }, '0', 7, 'green', null, '0 = 0 → 绿'],
    ['等于 0, one happened', { comparator: '=', value: '0', unit: '起' }, '1', 7, 'red', null, '1 > 0 → 红'],
    // 反向: within the limit 绿, past it 红
    ['反向 within its limit', { comparator: '≤', value: '90', unit: '万元' }, '60', 7, 'green', null, '60 ≤ 90（在限值内）→ 绿'],
    ['反向 ≤ at the limit is within', { comparator: '≤', value: '90', unit: '万元' }, '90', 7, 'green', null, '90 ≤ 90（在限值内）→ 绿'],
    ['反向 < at the limit is past it', { comparator: '<', value: '5', unit: '%' }, '5', 7, 'red', null, '5 ≥ 5（超出限值）→ 红'],
    ['反向 past its limit', { comparator: '≤', value: '15.5', unit: '万元' }, '16', 7, 'red', null, '16 > 15.5（超出限值）→ 红'],
    // 定性
    ['定性 达成', { comparator: '定性', kind: '定性', value: '有效提升', unit: '' }, '达成目标', 7, 'green', null, '达成目标 → 绿'],
    ['定性 部分达成', { comparator: '定性', kind: '定性', value: '有效提升', unit: '' }, '部分达成目标并具有一定效果', 7, 'yellow', null, '部分达成目标并具有一定效果 → 黄'],
    ['定性 未达成', { comparator: '定性', kind: '定性', value: '10月底', unit: '' }, '未达成目标且效果较差', 7, 'red', null, '未达成目标且效果较差 → 红'],
  ])('%s', (_, over, current, month, colour, ratio, formula) => {
    const warning = indicatorWarning(indicator(over), { current }, month, DEFAULT_WARNING_RULES);
    expect(warning).toMatchObject({ colour, ratio, explanation: { formula } });
  });

  it('says which rule and inputs a colour came from', () => {
    expect(indicatorWarning(indicator(), { current: '5' }, 7, DEFAULT_WARNING_RULES)?.explanation).toEqual({
      rule: '正向指标：当前完成值 ÷（指标值 × 时间进度）',
      inputs: { 当前完成值: '5', 指标值: '12', 截止月份: '7' },
      formula: '5 ÷ (12 × 7/12) = 71.43% → 黄（60%–80%）',
      result: '黄',
    });
  });

  it.each<[string, string, string, Colour, string]>([
    ['有可能 makes a green indicator at least yellow', '7', '有可能', 'yellow', '7 ÷ (12 × 7/12) = 100.00% → 绿（80%–120%）；完成目标可能性为“有可能” → 至少为黄'],
    ['有可能 leaves a red indicator red', '1', '有可能', 'red', '1 ÷ (12 × 7/12) = 14.29% → 红（<60%）'],
    ['完全不可能 makes it red', '8.4', '完全不可能', 'red', '8.4 ÷ (12 × 7/12) = 120.00% → 蓝（≥120%）；完成目标可能性为“完全不可能” → 红'],
    ['确定能 changes nothing', '5', '确定能', 'yellow', '5 ÷ (12 × 7/12) = 71.43% → 黄（60%–80%）'],
  ])('完成目标可能性: %s', (_, current, likelihood, colour, formula) => {
    expect(indicatorWarning(indicator(), { current, likelihood }, 7, DEFAULT_WARNING_RULES)).toMatchObject({ colour, explanation: { formula, result: { red: '红', yellow: '黄', green: '绿', blue: '蓝' }[colour] } });
  });

  it('gives no colour until the current value is filled in, or when it is not a number', () => {
    expect(indicatorWarning(indicator(), { current: '' }, 7, DEFAULT_WARNING_RULES)).toBeNull();
    expect(indicatorWarning(indicator(), { current: null }, 7, DEFAULT_WARNING_RULES)).toBeNull();
    expect(indicatorWarning(indicator(), { current: '五次' }, 7, DEFAULT_WARNING_RULES)).toBeNull();
  });

  it.each<[string, string, Colour, string]>([
    ['trailing by 10 points is yellow', '5.8', 'yellow', '时间进度 58.33%（7/12）− 完成进度 48.33% = 10.00 个百分点 → 黄（落后 10–20 个百分点）'],
    ['trailing by 20 points is red', '4.6', 'red', '时间进度 58.33%（7/12）− 完成进度 38.33% = 20.00 个百分点 → 红（落后 ≥20 个百分点）'],
    ['trailing by less than 10 points is green', '6', 'green', '时间进度 58.33%（7/12）− 完成进度 50.00% = 8.33 个百分点 → 绿（落后不足 10 个百分点）'],
  ])('the lag rule in points: %s', (_, current, colour, formula) => {
    expect(indicatorWarning(indicator(), { current }, 7, lag)).toMatchObject({ colour, explanation: { formula } });
  });

  it.each<[number, string, Colour, string]>([
    [4, '3', 'green', '完成进度 25.00%，1-4月要求不低于 25% → 绿（不低于 25%）'],
    [7, '4.7', 'yellow', '完成进度 39.17%，1-6月要求不低于 40% → 黄（低于 40% 不足 10 个百分点）'],
    [8, '6', 'yellow', '完成进度 50.00%，1-8月要求不低于 60% → 黄（低于 60% 不足 10 个百分点）'],
    [8, '5.9', 'red', '完成进度 49.17%，1-8月要求不低于 60% → 红（低于 50%）'],
    [10, '9.6', 'green', '完成进度 80.00%，1-10月要求不低于 80% → 绿（不低于 80%）'],
    [3, '1', 'green', '完成进度 8.33%，1-3月未设进度要求 → 绿'],
  ])('the monthly floors, at month %i', (month, current, colour, formula) => {
    expect(indicatorWarning(indicator(), { current }, month, floors)).toMatchObject({ colour, explanation: { formula } });
  });

  it('pro-rates only 数量 / 效益 / 满意度 when set so, and checks 质量 / 时效 / 成本 as a range', () => {
    const quality = indicator({ level2: '质量指标', name: '验收合格率', value: '95', unit: '%' });
    expect(indicatorWarning(quality, { current: '96' }, 7, partial)).toMatchObject({ colour: 'green', explanation: { formula: '96 ≥ 95（达到指标值）→ 绿' } });
    expect(indicatorWarning(quality, { current: '90' }, 7, partial)).toMatchObject({ colour: 'red', explanation: { formula: '90 < 95（未达到指标值）→ 红' } });
    expect(indicatorWarning(quality, { current: '90' }, 7, DEFAULT_WARNING_RULES)).toMatchObject({ colour: 'blue' });
    expect(indicatorWarning(indicator(), { current: '5' }, 7, partial)).toMatchObject({ colour: 'yellow' });
  });
});

describe('budget warnings', () => {
  it.each<[string, string, number, Colour, string | null, string]>([
    ['on track', '600000', 7, 'green', '102.86', '600,000.00 ÷ (1,000,000.00 × 7/12) = 102.86% → 绿（≥80%）'],
    ['exactly 80 % of time progress is green', '466666.67', 7, 'green', '80.00', '466,666.67 ÷ (1,000,000.00 × 7/12) = 80.00% → 绿（≥80%）'],
    ['lagging', '400000', 7, 'yellow', '68.57', '400,000.00 ÷ (1,000,000.00 × 7/12) = 68.57% → 黄（60%–80%）'],
    ['exactly 60 % is yellow', '350000', 7, 'yellow', '60.00', '350,000.00 ÷ (1,000,000.00 × 7/12) = 60.00% → 黄（60%–80%）'],
    ['off track', '200000', 7, 'red', '34.29', '200,000.00 ÷ (1,000,000.00 × 7/12) = 34.29% → 红（<60%）'],
    ['ahead is still green, never blue', '1000000', 6, 'green', '200.00', '1,000,000.00 ÷ (1,000,000.00 × 6/12) = 200.00% → 绿（≥80%）'],
  ])('%s', (_, executed, month, colour, ratio, formula) => {
    expect(budgetWarning({ annual: '1000000.00', executed }, month, DEFAULT_WARNING_RULES)).toMatchObject({ colour, ratio, explanation: { formula } });
  });

  it('waits for the execution to be filled in, and does not divide by a zero budget', () => {
    expect(budgetWarning({ annual: '1000000.00', executed: null }, 7, DEFAULT_WARNING_RULES)).toBeNull();
    expect(budgetWarning({ annual: '0.00', executed: '0' }, 7, DEFAULT_WARNING_RULES)).toMatchObject({ colour: 'green', ratio: null });
  });

  it('under the lag rule: 黄 when 执行率 trails time progress by 10 points, 红 by 20', () => {
    expect(budgetWarning({ annual: '1200000', executed: '450000' }, 6, lag)).toMatchObject({ colour: 'yellow', ratio: '37.50', explanation: { rule: '预算执行：落后时间进度的百分点', formula: '时间进度 50.00%（6/12）− 执行率 37.50% = 12.50 个百分点 → 黄（落后 10–20 个百分点）' } });
    expect(budgetWarning({ annual: '1200000', executed: '500000' }, 6, lag)).toMatchObject({ colour: 'green' });
    expect(budgetWarning({ annual: '1200000', executed: '350000' }, 6, lag)).toMatchObject({ colour: 'red' });
  });
});

describe('a report’s colour', () => {
  const w = (colour: Colour) => ({ colour, ratio: null, explanation: { rule: '', inputs: {}, formula: '', result: '' } });
  it.each<[string, Colour | null, Colour[], Colour | null]>([
    ['takes the worst of budget and indicators', 'green', ['blue', 'yellow', 'green'], 'yellow'],
    ['red beats everything', 'blue', ['green', 'red'], 'red'],
    ['blue only when everything is ahead', 'blue', ['blue'], 'blue'],
    ['nothing filled in yet: no colour', null, [], null],
  ])('%s', (_, budget, indicators, colour) => {
    expect(reportColour(budget ? w(budget) : null, indicators.map(w))).toBe(colour);
  });
});
