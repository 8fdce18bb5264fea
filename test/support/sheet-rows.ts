/** A 定量 indicator row with every field of SPEC §11 filled. */
export const indicatorRow = (level1: string, level2: string, name: string, value: string, unit: string, weight: string) => ({
  level1, level2, name, comparator: '≥', value, unit, kind: '定量', content: '', basis: '计划标准', lastYearActual: null, weight, scoringRule: '按完成比例赋分', evidence: '验收资料',
});

/** 产出 50 + 效益 30 + 满意度 10 = 90 with these four names (数量, 质量, 效益, 满意度): nothing blocks its submission. */
export function completeSheet([quantity, quality, benefit, satisfaction]: [string, string, string, string]) {
  return [
    indicatorRow('产出指标', '数量指标', quantity, '12', '次', '25'),
    indicatorRow('产出指标', '质量指标', quality, '95', '%', '25'),
    indicatorRow('效益指标', '社会效益指标', benefit, '98', '%', '30'),
    indicatorRow('满意度指标', '服务对象满意度指标', satisfaction, '90', '%', '10'),
  ];
}
