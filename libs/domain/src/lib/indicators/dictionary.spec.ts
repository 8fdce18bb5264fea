import { DEPARTMENT_DICTIONARY, level1Of, level2Allowed, normaliseIndicatorName, startingLevel1 } from './dictionary';

describe('indicator names are normalised', () => {
  it.each([
    ['社会效益', '社会效益指标'],
    ['社会效益指标', '社会效益指标'],
    ['产出 指标', '产出指标'],
    ['满意 度指 标', '满意度指标'],
    ['服务对象满意度', '服务对象满意度指标'],
    ['可持续影响', '可持续影响指标'],
    ['\u3000数量指标 ', '数量指标'],
    ['成本', '成本指标'],
    ['时效指标（工期指标）', '时效指标'],
    ['成本指标(0-20)分', '成本指标'],
    ['产出指标 (40-50)分', '产出指标'],
    ['效益指标（30分）', '效益指标'],
    ['自定义 名称', '自定义名称'],
  ])('%p is %p', (raw, normal) => {
    expect(normaliseIndicatorName(raw)).toBe(normal);
  });

  it('uses the department dictionary for department names', () => {
    expect(normaliseIndicatorName('投入管理', DEPARTMENT_DICTIONARY)).toBe('投入管理指标');
    expect(normaliseIndicatorName('履职 效能', DEPARTMENT_DICTIONARY)).toBe('履职效能');
  });
});

describe('which 二级 may stand under which 一级', () => {
  it.each([
    ['产出指标', '数量指标', true],
    ['产出指标', '成本指标', true], // classic placement
    ['成本指标', '经济成本指标', true], // 2021 core-indicator placement
    ['效益指标', '可持续影响指标', true],
    ['满意度指标', '服务对象满意度指标', true],
    ['产出指标', '社会效益指标', false], // seen in seed 002's 转移支付 table
    ['效益指标', '数量指标', false],
    ['未知指标', '数量指标', false],
  ])('%s › %s: %s', (level1, level2, allowed) => {
    expect(level2Allowed(level1, level2)).toBe(allowed);
  });

  it('infers the 一级 of a 二级 only when it is unambiguous', () => {
    expect(level1Of('社会效益指标')).toBe('效益指标');
    expect(level1Of('经济成本指标')).toBe('成本指标');
    expect(level1Of('成本指标')).toBe('产出指标');
    expect(level1Of('不存在的二级')).toBeNull();
  });

  it('starts a sheet with the 一级 of the regime', () => {
    expect(startingLevel1('classic')).toEqual(['产出指标', '效益指标', '满意度指标']);
    expect(startingLevel1('core2021')).toEqual(['产出指标', '成本指标', '效益指标', '满意度指标']);
  });
});
