import { rowsAboveSignOff } from './table-bounds';

describe('rowsAboveSignOff', () => {
  const table = [
    ['一级指标', '三级指标'],
    ['产出指标', '填报人员培训次数'],
  ];

  it('cuts the table at its sign-off block, whatever the spacing of the labels', () => {
    const signed = [...table, ['', ''], ['单位负责人：', '', '填报人：张三'], ['主管部门审核意见（盖章）\n\n年　月　日', '财政部门审核意见（盖章）']];
    expect(rowsAboveSignOff(signed)).toEqual([...table, ['', '']]);
    expect(rowsAboveSignOff([...table, ['填 报 人：', '']])).toEqual(table);
  });

  it('keeps a table without one, and words that only begin like a label', () => {
    expect(rowsAboveSignOff(table)).toEqual(table);
    expect(rowsAboveSignOff([...table, ['满意度指标', '填报人员满意度']])).toHaveLength(3);
  });
});
