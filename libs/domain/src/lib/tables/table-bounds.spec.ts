import { withoutSignOffs } from './table-bounds';

describe('withoutSignOffs', () => {
  const table = [
    ['一级指标', '三级指标'],
    ['产出指标', '填报人员培训次数'],
  ];

  it('drops the sign-off rows and their date lines, whatever the spacing of the labels', () => {
    const signed = [...table, ['', ''], ['单位负责人：', '', '填报人：张三'], ['主管部门审核意见（盖章）\n\n年　月　日', '财政部门审核意见（盖章）'], ['年　　月　　日　　', '2026年12月8日']];
    expect(withoutSignOffs(signed)).toEqual([...table, ['', '']]);
    expect(withoutSignOffs([...table, ['填 报 人：', '']])).toEqual(table);
  });

  it('keeps every form of a document whose forms each end with a sign-off line', () => {
    const second = [['项目名称', '昌吉市公共图书馆免费开放补助经费'], ['产出指标', '开放天数']];
    expect(withoutSignOffs([...table, ['填报人：王某', '联系电话：0994-2xxxxxx', '填报日期：2026年1月15日'], ...second])).toEqual([...table, ...second]);
  });

  it('keeps a table without one, and words that only begin like a label', () => {
    expect(withoutSignOffs(table)).toEqual(table);
    expect(withoutSignOffs([...table, ['满意度指标', '填报人员满意度']])).toHaveLength(3);
  });
});
