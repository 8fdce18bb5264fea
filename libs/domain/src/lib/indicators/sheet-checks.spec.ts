import { CORE_2021_PROFILE, DEFAULT_PROFILE } from '../settings/settings-profile';
import { checkSheet, hasBlocking, IndicatorRow } from './sheet-checks';

const row = (over: Partial<IndicatorRow>): IndicatorRow => ({
  level1: '产出指标',
  level2: '数量指标',
  name: '调研次数',
  comparator: '≥',
  value: '12',
  unit: '次',
  kind: '定量',
  weight: '10',
  ...over,
});

/** A sheet that passes: 产出 50, 效益 30, 满意度 10 = 90. */
const good: IndicatorRow[] = [
  row({ name: '调研次数', weight: '25' }),
  row({ level2: '质量指标', name: '整改问题回访率', comparator: '=', value: '100', unit: '%', weight: '25' }),
  row({ level1: '效益指标', level2: '可持续影响指标', name: '履职能力提升', comparator: '=', value: '有效提升', unit: '', kind: '定性', weight: '30' }),
  row({ level1: '满意度指标', level2: '服务对象满意度指标', name: '调研对象满意度', value: '90', unit: '%', weight: '10' }),
];

const codes = (rows: IndicatorRow[], profile = DEFAULT_PROFILE) => checkSheet(rows, profile).map((c) => `${c.row ?? '-'}:${c.code}`);

describe('target sheet checks (SPEC §3)', () => {
  it('finds nothing wrong with a complete sheet', () => {
    expect(checkSheet(good, DEFAULT_PROFILE)).toEqual([]);
  });

  it.each<[string, Partial<IndicatorRow>, string, string]>([
    // seed quirks first
    ['a 三级 named “>=” (seed 002, 转移支付)', { name: '>=' }, 'name-not-a-name', '第 1 行：三级指标名称“>=”只是符号或数字，请填写指标名称'],
    ['社会效益 under 产出 (seed 002)', { level2: '社会效益指标' }, 'level2-misplaced', '第 1 行：二级指标“社会效益指标”不能放在“产出指标”下，它属于“效益指标”'],
    ['an empty name', { name: ' ' }, 'name-empty', '第 1 行：三级指标名称为空'],
    ['a 定量 value that is not a number', { value: '较多' }, 'value-not-a-number', '第 1 行：定量指标的指标值“较多”不是数字'],
    ['a 定量 without unit', { unit: '' }, 'unit-missing', '第 1 行：定量指标须填写度量单位'],
    ['a 定量 without comparator', { comparator: null }, 'comparator-missing', '第 1 行：定量指标须选择指标性质（≥ > = < ≤）'],
    ['an unknown 一级', { level1: '过程指标' }, 'level1-unknown', '第 1 行：一级指标“过程指标”不在指标字典中'],
    ['a weight that is not a number', { weight: '十' }, 'weight-not-a-number', '第 1 行：分值“十”应为不小于 0 的数字'],
  ])('blocks %s', (_, change, code, message) => {
    const checks = checkSheet([row(change), ...good.slice(1)], DEFAULT_PROFILE);
    expect(checks).toContainEqual(expect.objectContaining({ row: 1, code, message, severity: 'blocking' }));
    expect(hasBlocking(checks)).toBe(true);
  });

  it('warns when a 定性 value is really a number with a unit (seed 002: “<= 4小时” filed as 定性)', () => {
    const checks = checkSheet([...good, row({ level2: '时效指标', name: '网络故障专线修复时间', comparator: '<=', value: '4小时', unit: '', kind: '定性', weight: '0' })], DEFAULT_PROFILE);
    expect(checks).toEqual([
      expect.objectContaining({ row: 5, code: 'qualitative-looks-numeric', severity: 'warning', message: '第 5 行：定性指标值“4小时”像是数值，建议改为定量：≤ 4 小时' }),
    ]);
  });

  it('warns, without blocking, when the value carries its unit (seed 001: “<=90万元” with unit 万元)', () => {
    const checks = checkSheet([row({ level2: '成本指标', name: '维护成本', comparator: '<=', value: '90万元', unit: '万元', weight: '25' }), ...good.slice(1)], DEFAULT_PROFILE);
    expect(checks).toEqual([expect.objectContaining({ row: 1, code: 'value-with-unit', severity: 'warning', message: '第 1 行：指标值“90万元”中写了单位，应只填数字 90' })]);
  });

  it('warns when a target is weaker than last year’s actual', () => {
    expect(codes([row({ value: '10', lastYearActual: '12', weight: '25' }), ...good.slice(1)])).toEqual(['1:weaker-than-last-year']);
    expect(codes([row({ comparator: '<=', value: '30', unit: '天', lastYearActual: '20', weight: '25' }), ...good.slice(1)])).toEqual(['1:weaker-than-last-year']);
  });

  it('flags a 上年完成值 kept as text (another unit), instead of comparing it', () => {
    const checks = checkSheet([row({ comparator: '≥', value: '90', unit: '%', lastYearActual: null, lastYearActualText: '24 小时', weight: '25' }), ...good.slice(1)], DEFAULT_PROFILE);
    expect(checks.filter((c) => c.row === 1)).toEqual([
      { row: 1, field: 'lastYearActual', severity: 'warning', code: 'last-year-not-comparable', message: '第 1 行：上年完成值“24 小时”不是以度量单位“%”计的数字，无法与目标值比较，请核对' },
    ]);
  });

  it('words the weaker target by its direction: a floor below last year is low, a ceiling above it is loose', () => {
    const message = (over: Partial<IndicatorRow>) => checkSheet([row({ weight: '25', ...over }), ...good.slice(1)], DEFAULT_PROFILE).find((c) => c.code === 'weaker-than-last-year')?.message;
    expect(message({ comparator: '≤', value: '15.5', unit: '万元', lastYearActual: '13.75' })).toBe('第 1 行：上限 ≤ 15.5 万元 比上年完成值 13.75 万元 更宽松，目标设定偏松');
    expect(message({ comparator: '≥', value: '90', unit: '%', lastYearActual: '95.0' })).toBe('第 1 行：目标值 ≥ 90% 低于上年完成值 95%，目标设定偏低');
    expect(message({ comparator: '≤', value: '12', unit: '万元', lastYearActual: '13.75' })).toBeUndefined();
    expect(codes([row({ value: '15', lastYearActual: '12', weight: '25' }), ...good.slice(1)])).toEqual([]);
  });

  it('warns about a percentage over 100', () => {
    expect(codes([row({ value: '120', unit: '%', weight: '25' }), ...good.slice(1)])).toEqual(['1:percent-over-100']);
  });

  it('blocks duplicate 三级 names within one 二级, but not across 二级', () => {
    expect(codes([...good, row({ name: '调研次数', weight: '0' })])).toEqual(['5:name-duplicate']);
    expect(codes([...good, row({ level2: '时效指标', name: '调研次数', weight: '0' })])).toEqual([]);
  });

  it('blocks weights that do not add up to the indicator total (seed tables carry no weights at all)', () => {
    const unweighted = good.map((r) => ({ ...r, weight: null }));
    expect(codes(unweighted)).toEqual(['1:weight-missing', '2:weight-missing', '3:weight-missing', '4:weight-missing', '-:weight-total']);
    expect(checkSheet([row({ weight: '20' }), ...good.slice(1)], DEFAULT_PROFILE)).toEqual([
      expect.objectContaining({ row: null, code: 'weight-total', message: '三级指标分值合计 85，应为 90（另 10 分为预算执行率）' }),
    ]);
  });

  it('blocks 三级 weights that do not add up to their 二级 and 一级, and 二级 to their 一级', () => {
    const checks = checkSheet(good, DEFAULT_PROFILE, {
      level1: { 产出指标: '50', 效益指标: '30', 满意度指标: '10' },
      level2: { '产出指标/数量指标': '20', '产出指标/质量指标': '25' },
    });
    expect(checks.map((c) => c.message)).toEqual([
      '二级指标“产出指标 › 数量指标”的分值为 20，其下三级指标合计 25',
      '一级指标“产出指标”的分值为 50，其下二级指标合计 45',
    ]);
  });

  it('blocks a sheet without 产出 or 效益, and warns without 满意度', () => {
    expect(codes([good[0], good[1]].map((r) => ({ ...r, weight: '45' })))).toEqual(['-:level1-missing', '-:satisfaction-missing']);
  });

  it('requires 成本指标 as a 一级 in the 2021 regime', () => {
    const checks = checkSheet(good, CORE_2021_PROFILE);
    expect(checks).toEqual([expect.objectContaining({ code: 'level1-missing', message: '缺少一级指标“成本指标”' })]);
  });
});
