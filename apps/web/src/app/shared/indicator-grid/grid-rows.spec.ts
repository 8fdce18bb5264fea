import { rowsFromPaste, splitValueCell, emptyRow, withSpans } from './sheet-rows';

describe('rows pasted from Excel', () => {
  it('reads tab-separated lines in the table’s column order and splits values that carry comparator and unit', () => {
    const pasted = '产出指标\t数量指标\t调研次数\t>=\t12\t次\t定量指标\t25\t反映调研数量\r\n\n效益 指标\t社会效益\t满意度提升\t\t≥95%\t\t\t10\t\n';
    expect(rowsFromPaste(pasted)).toEqual([
      expect.objectContaining({ level1: '产出指标', level2: '数量指标', name: '调研次数', comparator: '≥', value: '12', unit: '次', kind: '定量', weight: '25', content: '反映调研数量' }),
      expect.objectContaining({ level1: '效益指标', level2: '社会效益指标', name: '满意度提升', comparator: '≥', value: '95', unit: '%', kind: '定量', weight: '10' }),
    ]);
  });

  it('keeps a qualitative phrase as it is', () => {
    expect(rowsFromPaste('效益指标\t可持续影响\t履职能力提升\t=\t有效提升\t\t定性指标\t30')[0]).toMatchObject({ comparator: '=', value: '有效提升', kind: '定性' });
  });
});

describe('the 指标值 cell', () => {
  it('splits “≥95%” into ≥, 95 and %', () => {
    expect(splitValueCell(emptyRow(), '≥95%')).toMatchObject({ comparator: '≥', value: '95', unit: '%', kind: '定量' });
  });
});

describe('spanning cells', () => {
  it('lets consecutive rows share their 一级 and 二级 cells', () => {
    const rows = [emptyRow('产出指标', '数量指标'), emptyRow('产出指标', '数量指标'), emptyRow('产出指标', '质量指标'), emptyRow('效益指标', '社会效益指标')];
    expect(withSpans(rows).map((r) => [r.level1Span, r.level2Span])).toEqual([[3, 2], [0, 0], [0, 1], [1, 1]]);
  });
});
