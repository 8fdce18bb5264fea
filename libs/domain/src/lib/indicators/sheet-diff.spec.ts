import { diffRows } from './sheet-diff';
import { IndicatorRow } from './sheet-checks';

const row = (name: string, over: Partial<IndicatorRow> = {}): IndicatorRow => ({
  level1: '产出指标', level2: '数量指标', name, comparator: '≥', value: '12', unit: '次', kind: '定量', weight: '10', ...over,
});

describe('difference between two versions of a sheet', () => {
  it('finds nothing between equal sheets, whatever the row order', () => {
    expect(diffRows([row('a'), row('b')], [row('b'), row('a')])).toEqual([]);
  });

  it('lists added, removed and changed rows with the old and new value of each field', () => {
    const before = [row('调研次数'), row('完成调研报告数量'), row('整改问题回访率', { value: '95', unit: '%' })];
    const after = [row('调研次数', { value: '15', weight: '12' }), row('整改问题回访率', { value: '95', unit: '%' }), row('督查督办任务完成率', { unit: '%' })];
    expect(diffRows(before, after)).toEqual([
      { change: 'changed', level1: '产出指标', level2: '数量指标', name: '调研次数', fields: [{ field: 'value', from: '12', to: '15' }, { field: 'weight', from: '10', to: '12' }] },
      { change: 'added', level1: '产出指标', level2: '数量指标', name: '督查督办任务完成率', fields: [] },
      { change: 'removed', level1: '产出指标', level2: '数量指标', name: '完成调研报告数量', fields: [] },
    ]);
  });

  it('treats empty and missing text alike', () => {
    expect(diffRows([row('a', { lastYearActual: null })], [row('a', { lastYearActual: '' })])).toEqual([]);
  });
});
