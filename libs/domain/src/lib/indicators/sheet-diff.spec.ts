import { ComparableRow, diffRows } from './sheet-diff';

const row = (name: string, over: Partial<ComparableRow> = {}): ComparableRow => ({
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
      { change: 'changed', indicatorId: null, level1: '产出指标', level2: '数量指标', name: '调研次数', fields: [{ field: 'value', from: '12', to: '15' }, { field: 'weight', from: '10', to: '12' }] },
      { change: 'added', indicatorId: null, level1: '产出指标', level2: '数量指标', name: '督查督办任务完成率', fields: [] },
      { change: 'removed', indicatorId: null, level1: '产出指标', level2: '数量指标', name: '完成调研报告数量', fields: [] },
    ]);
  });

  it('follows an indicator by its id through a rename and a move to another 二级', () => {
    const before = [row('调研次数', { id: 'i1' }), row('回访率', { id: 'i2' })];
    const after = [row('回访率', { id: 'i2' }), row('专题调研次数', { id: 'i1', level2: '质量指标' })];
    expect(diffRows(before, after)).toEqual([
      { change: 'changed', indicatorId: 'i1', level1: '产出指标', level2: '质量指标', name: '专题调研次数', fields: [{ field: 'level2', from: '数量指标', to: '质量指标' }, { field: 'name', from: '调研次数', to: '专题调研次数' }] },
    ]);
  });

  it('does not match a new row to a removed one of the same name when both carry ids', () => {
    expect(diffRows([row('a', { id: 'old' })], [row('a', { id: 'new' })]).map((c) => [c.change, c.indicatorId])).toEqual([
      ['added', 'new'],
      ['removed', 'old'],
    ]);
  });

  it('treats empty and missing text alike', () => {
    expect(diffRows([row('a', { lastYearActual: null })], [row('a', { lastYearActual: '' })])).toEqual([]);
  });
});
