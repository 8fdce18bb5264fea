import { headerOfLayout, layoutFault, layoutProblem, layoutSignature, NamedLayout, TableLayout } from './table-layout';
import { columnChoices, tableGrids } from './table-grid';
import { readTargetTables, TargetTableReading } from './target-table-reader';

/** A header no synonym names: 考核大类 | 考核小类 | 考核内容 | 目标要求 | 计量 | 项目. */
const UNKNOWN_HEADER = ['考核大类', '考核小类', '考核内容', '目标要求', '计量', '项目'];
const BODY = [
  ['产出指标', '数量指标', '培训人次', '≥500', '人次', '基层干部培训经费'],
  ['', '质量指标', '培训合格率', '≥95', '%', ''],
  ['效益指标', '社会效益指标', '群众办事满意度', '明显提升', '', ''],
  ['产出指标', '数量指标', '巡查次数', '120', '次', '森林防火经费'],
  ['满意度指标', '服务对象满意度指标', '林区群众满意度', '≥90', '%', ''],
];
const ASSESSMENT: NamedLayout = { id: 'layout-1', name: '考核表', header: [UNKNOWN_HEADER], columns: ['level1', 'level2', 'name', 'value', 'unit', 'project'] };
const read = (rows: string[][], layouts?: NamedLayout[]): TargetTableReading => readTargetTables([{ name: 'pasted', rows }], layouts ? { layouts } : {});
const indicators = (r: TargetTableReading) => r.projects.map((p) => [p.name, p.indicators.map((i) => [i.level1, i.level2, i.name, i.comparator, i.value, i.unit, i.kind])]);

const ASSESSMENT_READ = [
  [
    '基层干部培训经费',
    [
      ['产出指标', '数量指标', '培训人次', '≥', '500', '人次', '定量'],
      ['产出指标', '质量指标', '培训合格率', '≥', '95', '%', '定量'],
      ['效益指标', '社会效益指标', '群众办事满意度', '定性', '明显提升', '', '定性'],
    ],
  ],
  [
    '森林防火经费',
    [
      ['产出指标', '数量指标', '巡查次数', null, '120', '次', '定量'],
      ['满意度指标', '服务对象满意度指标', '林区群众满意度', '≥', '90', '%', '定量'],
    ],
  ],
];

describe('a table whose header the reader cannot place, read by a layout mapped by hand', () => {
  it('is no target table without a layout', () => {
    expect(read([['2026年培训考核表'], UNKNOWN_HEADER, ...BODY])).toMatchObject({ tables: 0, projects: [], errors: [], appliedLayouts: [] });
  });

  it('reads as its projects and indicators with the layout, and says which layout read it', () => {
    const r = read([['2026年培训考核表'], UNKNOWN_HEADER, ...BODY], [ASSESSMENT]);
    expect(r.errors).toEqual([]);
    expect(r.tables).toBe(1);
    expect(indicators(r)).toEqual(ASSESSMENT_READ);
    expect(r.repairs).toEqual([{ source: 'pasted', row: 2, column: null, message: '按版式“考核表”读取表头' }]);
    expect(r.appliedLayouts).toEqual(['layout-1']);
  });

  it('matches a copy of the header spaced otherwise (spaces inside, full-width spaces, trailing empty cells)', () => {
    const spaced = [' 考核 大类', '考核小类 ', '考 核 内 容', '目标\u3000要求', '计  量', '项目', '', ''];
    const r = read([spaced, ...BODY], [ASSESSMENT]);
    expect(r.errors).toEqual([]);
    expect(indicators(r)).toEqual(ASSESSMENT_READ);
    expect(layoutSignature([spaced])).toBe(layoutSignature([UNKNOWN_HEADER]));
  });

  it('does not match a header with other words', () => {
    const other = ['考核大类', '考核小类', '考核内容', '目标要求', '单位', '项目'];
    expect(read([other, ...BODY], [ASSESSMENT]).tables).toBe(0);
    expect(layoutSignature([other])).not.toBe(layoutSignature([UNKNOWN_HEADER]));
  });

  it('skips the rows the layout says lie between the header and the first project', () => {
    const line = ['本表由培训科填报', '', '', '', '', ''];
    expect(read([UNKNOWN_HEADER, line, ...BODY], [ASSESSMENT]).errors).toEqual([{ source: 'pasted', row: 2, column: '项目名称', message: '指标行之前没有项目名称' }]);
    const r = read([UNKNOWN_HEADER, line, ...BODY], [{ ...ASSESSMENT, skipRows: 1 }]);
    expect(r.errors).toEqual([]);
    expect(indicators(r)).toEqual(ASSESSMENT_READ);
  });

  it('reads a two-row header, its amounts in 万元 as the group cell above them says', () => {
    const layout: NamedLayout = {
      name: '两行表头',
      header: [
        ['项目', '金额（万元）', '考核指标', '', '', '目标', ''],
        ['', '', '大类', '小类', '内容', '要求', '计量'],
      ],
      columns: ['project', 'funds', 'level1', 'level2', 'name', 'value', 'unit'],
    };
    const r = read([...layout.header, ['基层干部培训经费', '12.5', '产出指标', '数量指标', '培训人次', '≥500', '人次'], ['', '', '', '质量指标', '培训合格率', '≥95', '%']], [layout]);
    expect(r.errors).toEqual([]);
    expect(r.projects).toEqual([expect.objectContaining({ name: '基层干部培训经费', fundsTotal: '125000.00' })]);
    expect(r.projects[0].indicators.map((i) => i.name)).toEqual(['培训人次', '培训合格率']);
    expect(r.appliedLayouts).toEqual(['两行表头']);
  });

  it('takes the amounts’ unit from a 单位：万元 line above the table when the header does not say it', () => {
    const layout: NamedLayout = { name: '带金额', header: [[...UNKNOWN_HEADER, '金额']], columns: [...ASSESSMENT.columns, 'funds'] };
    const r = read([['单位：万元'], layout.header[0], [...BODY[0], '8']], [layout]);
    expect(r.errors).toEqual([]);
    expect(r.projects[0].fundsTotal).toBe('80000.00');
  });

  it('reads a mapped column under an empty header cell, and leaves out a column the layout leaves out', () => {
    const layout: NamedLayout = { name: '空表头', header: [['考核大类', '考核小类', '考核内容', '目标要求', '', '项目', '']], columns: ['level1', 'level2', 'name', 'value', 'unit', 'project', null] };
    const r = read([layout.header[0], ['产出指标', '数量指标', '培训人次', '500', '人次', '基层干部培训经费', '已核']], [layout]);
    expect(r.errors).toEqual([]);
    expect(r.projects[0].indicators[0]).toMatchObject({ name: '培训人次', value: '500', unit: '人次' });
    expect(r.repairs.map((n) => n.message)).toEqual(['按版式“空表头”读取表头', '“第 7 列”列不是绩效目标的内容，未导入']);
  });

  it('reads every table of a document that carries the same header, each said once', () => {
    const r = read([UNKNOWN_HEADER, ...BODY.slice(0, 3), [''], ['第二张表'], UNKNOWN_HEADER, ...BODY.slice(3)], [ASSESSMENT]);
    expect(r.errors).toEqual([]);
    expect(r.tables).toBe(2);
    expect(indicators(r)).toEqual(ASSESSMENT_READ);
    expect(r.repairs.map((n) => `${n.row}:${n.message}`)).toEqual(['1:按版式“考核表”读取表头', '7:按版式“考核表”读取表头']);
    expect(r.appliedLayouts).toEqual(['layout-1']);
  });

  it('comes before the header words: a layout of a known header decides what its columns are', () => {
    const header = ['项目名称', '一级指标', '二级指标', '三级指标', '指标值', '指标内容'];
    const row = ['项目甲', '产出指标', '数量指标', '场次', '≥6场', '全年场次'];
    expect(read([header, row]).projects[0].indicators[0].content).toBe('全年场次');
    const r = read([header, row], [{ name: '不要内容', header: [header], columns: ['project', 'level1', 'level2', 'name', 'value', null] }]);
    expect(r.projects[0].indicators[0].content).toBe('');
    expect(r.repairs.map((n) => n.message)).toContain('“指标内容”列不是绩效目标的内容，未导入');
  });

  it('takes the longer of two layouts that match at the same row', () => {
    const two: NamedLayout = { ...ASSESSMENT, id: 'two', name: '两行', header: [['培训考核'], UNKNOWN_HEADER] };
    const one: NamedLayout = { id: 'one', name: '一行', header: [['培训考核']], columns: ['level1', 'level2', 'name', 'value', 'unit', 'project'] };
    expect(read([['培训考核'], UNKNOWN_HEADER, ...BODY], [one, two]).appliedLayouts).toEqual(['two']);
  });

  it('ignores a layout it cannot use', () => {
    expect(read([UNKNOWN_HEADER, ...BODY], [{ ...ASSESSMENT, columns: ['level1', 'level2', 'name', null, 'unit', 'project'] }]).tables).toBe(0);
  });
});

describe('layoutProblem', () => {
  const ok: TableLayout = { header: [UNKNOWN_HEADER], columns: ['level1', 'level2', 'name', 'value', 'unit', 'project'] };
  it.each<[string, unknown, string | null]>([
    ['a usable layout', ok, null],
    ['a usable layout with rows to skip', { ...ok, skipRows: 20 }, null],
    ['no header', { ...ok, header: [] }, '表头应为 1 至 3 行'],
    ['a header of four rows', { ...ok, header: [UNKNOWN_HEADER, UNKNOWN_HEADER, UNKNOWN_HEADER, UNKNOWN_HEADER] }, '表头应为 1 至 3 行'],
    ['a header row that is no list of texts', { ...ok, header: [UNKNOWN_HEADER, [1, 2]] }, '表头第 2 行应为各列的文字'],
    ['an empty header row', { ...ok, header: [UNKNOWN_HEADER, ['', ' ', '-']] }, '表头第 2 行是空的'],
    ['no 指标值 column', { ...ok, columns: ['level1', 'level2', 'name', null, 'unit', 'project'] }, '请指定“指标值”所在的列'],
    ['neither 一级指标 nor 三级指标', { ...ok, columns: [null, 'level2', null, 'value'] }, '请指定“一级指标”“三级指标”所在的列'],
    ['a column given twice', { ...ok, columns: ['level1', 'level2', 'name', 'value', 'name', 'project'] }, '“三级指标”指定给了第 3 列和第 5 列，每项只能指定一列'],
    ['a column that is none of the choices', { ...ok, columns: ['level1', 'level2', 'name', 'value', 'toString', 'project'] }, '第 5 列的“toString”不是可选的列'],
    ['no columns', { ...ok, columns: [] }, '请指明各列分别是什么'],
    ['more than 200 columns', { ...ok, columns: [...ok.columns, ...Array(195).fill(null)] }, '版式最多 200 列'],
    ['too many rows to skip', { ...ok, skipRows: 21 }, '表头下跳过的行数应为 0 至 20 的整数'],
    ['a fraction of a row to skip', { ...ok, skipRows: 1.5 }, '表头下跳过的行数应为 0 至 20 的整数'],
    ['a header cell of 201 characters', { ...ok, header: [['长'.repeat(201), ...UNKNOWN_HEADER]] }, '表头第 1 行第 1 列超过 200 字'],
    ['nothing at all', null, '表头应为 1 至 3 行'],
  ])('%s', (_, layout, problem) => {
    expect(layoutProblem(layout as TableLayout)).toBe(problem);
  });

  it('names the part of the layout at fault, for an answer tied to its field', () => {
    expect(layoutFault({ ...ok, header: [] })?.field).toBe('header');
    expect(layoutFault({ ...ok, columns: ['level1'] })?.field).toBe('columns');
    expect(layoutFault({ ...ok, skipRows: -1 })?.field).toBe('skipRows');
  });
});

describe('layoutSignature and the header a layout gives', () => {
  it('names each column by its path, a mapped column under no header cell by its label', () => {
    const header = headerOfLayout({ header: [['项目', '考核指标', '', ''], ['', '大类', '内容', '']], columns: ['project', 'level1', 'name', 'value'] });
    expect(header.paths).toEqual(['项目', '考核指标 › 大类', '考核指标 › 内容', '指标值']);
    expect([...header.columns]).toEqual([['project', 0], ['level1', 1], ['name', 2], ['value', 3]]);
    expect(header.fundsScale).toBeNull();
  });

  it('tells rows apart: the same cells split over two rows are another header', () => {
    expect(layoutSignature([['项目', '考核']])).not.toBe(layoutSignature([['项目'], ['考核']]));
  });
});

describe('tableGrids: the table as read, for the mapping screen', () => {
  const HEADER = ['单位名称、项目名称', '一级指标', '二级指标', '三级指标', '指标值', '度量单位'];

  it('marks the header the reader finds by its words, with what each column is', () => {
    const [grid] = tableGrids([{ name: 'list', rows: [['2026年项目支出绩效目标表', '', ''], [], [...HEADER, '', ''], ['项目甲', '产出指标', '数量指标', '场次', '≥6', '场']] }]);
    expect(grid).toEqual({
      source: 'list',
      rows: [['2026年项目支出绩效目标表'], HEADER, ['项目甲', '产出指标', '数量指标', '场次', '≥6', '场']],
      rowNumbers: [1, 3, 4],
      header: { start: 1, rows: 1, columns: ['project', 'level1', 'level2', 'name', 'value', 'unit'], skipRows: 0 },
    });
  });

  it('finds no header in a table the reader cannot place, and clips long cells to 60 characters', () => {
    const [grid] = tableGrids([{ name: 'unknown', rows: [UNKNOWN_HEADER, ...BODY, ['说'.repeat(80)]] }]);
    expect(grid.header).toBeNull();
    expect(grid.rows).toHaveLength(BODY.length + 2);
    expect(grid.rows.at(-1)).toEqual(['说'.repeat(60)]);
  });

  it('marks the header of a matching layout, by name', () => {
    const [grid] = tableGrids([{ name: 'unknown', rows: [['培训考核'], UNKNOWN_HEADER, ['甲'], ...BODY] }], { layouts: [{ ...ASSESSMENT, skipRows: 1 }] });
    expect(grid.header).toEqual({ start: 1, rows: 1, columns: ASSESSMENT.columns, skipRows: 1, layout: '考核表', layoutId: 'layout-1' });
  });

  it('shows the first rows only, and starts a few rows above a header that lies further down', () => {
    const filler = Array.from({ length: 60 }, (_, i) => [`收支总表第 ${i + 1} 行`, String(i)]);
    const [top] = tableGrids([{ name: 'doc', rows: [UNKNOWN_HEADER, ...filler] }], { maxRows: 10 });
    expect(top.rows).toHaveLength(10);
    expect(top.rowNumbers[0]).toBe(1);
    const [below] = tableGrids([{ name: 'doc', rows: [...filler, HEADER, ['项目甲', '产出指标', '数量指标', '场次', '≥6', '场']] }]);
    expect(below.rowNumbers[0]).toBe(56);
    expect(below.header).toMatchObject({ start: 5, rows: 1 });
  });

  it('gives a header the screen took from clipped cells that still matches the whole table', () => {
    const long = `考核内容（${'请写明'.repeat(30)}）`;
    const rows = [[UNKNOWN_HEADER[0], UNKNOWN_HEADER[1], long, ...UNKNOWN_HEADER.slice(3)], ...BODY];
    const [grid] = tableGrids([{ name: 'long', rows }]);
    const layout: NamedLayout = { name: '长表头', header: [grid.rows[0]], columns: ASSESSMENT.columns };
    expect(indicators(read(rows, [layout]))).toEqual(ASSESSMENT_READ);
  });

  it('offers every column the reader keeps as a choice, by its label', () => {
    expect(columnChoices).toContainEqual({ column: 'level1', label: '一级指标' });
    expect(columnChoices).toContainEqual({ column: 'lastYearActual', label: '上年完成值' });
    expect(columnChoices).toHaveLength(18);
  });
});
