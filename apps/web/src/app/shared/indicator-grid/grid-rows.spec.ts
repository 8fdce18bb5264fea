import { cellsOf, emptyRow, grouped, insertInGroup, moveInGroup, rowsFromPaste, splitValueCell, withSpans } from './grid-rows';

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

describe('rows grouped as in the official table', () => {
  const named = (level1: string, level2: string, name: string) => ({ ...emptyRow(level1, level2), name });
  const names = (rows: { name: string }[]) => rows.map((r) => r.name);

  it('keeps the rows of a 一级 and a 二级 together, in the order the groups first appear', () => {
    const rows = [named('产出指标', '数量指标', 'a'), named('效益指标', '社会效益指标', 'b'), named('产出指标', '质量指标', 'c'), named('产出指标', '数量指标', 'd')];
    expect(names(grouped(rows))).toEqual(['a', 'd', 'c', 'b']);
  });

  it('puts a new row at the end of its group, not at the bottom of the table', () => {
    const rows = [named('产出指标', '数量指标', 'a'), named('效益指标', '社会效益指标', 'b')];
    expect(names(insertInGroup(rows, named('产出指标', '数量指标', 'new')))).toEqual(['a', 'new', 'b']);
  });

  it('moves a row only inside its group', () => {
    const rows = [named('产出指标', '数量指标', 'a'), named('产出指标', '数量指标', 'b'), named('效益指标', '社会效益指标', 'c')];
    expect(names(moveInGroup(rows, 1, -1))).toEqual(['b', 'a', 'c']);
    expect(names(moveInGroup(rows, 1, 1))).toEqual(['a', 'b', 'c']);
  });
});

describe('a block of cells pasted into a cell', () => {
  it('splits lines and tabs as Excel copies them, without the trailing line break', () => {
    expect(cellsOf('a\tb\r\nc\td\r\n')).toEqual([['a', 'b'], ['c', 'd']]);
  });
});
