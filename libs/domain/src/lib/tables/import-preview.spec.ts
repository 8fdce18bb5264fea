import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTargetTables, rowsOfText } from './target-table-reader';

const SEEDS = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'seeds');
const seed = (file: string) => readTargetTables([{ name: file, rows: rowsOfText(readFileSync(join(SEEDS, file), 'utf8')) }]);
const read = (...rows: string[][]) => readTargetTables([{ name: 'pdf.txt', rows }]);
const HEADER = ['项目名称', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'];
const row = (project: string, level1: string, level2: string, name: string, value = '100') => [project, level1, level2, name, '=', value, '%'];

describe('the unit a table names in its title', () => {
  it.each(['单位名称', '预算单位', '部门名称'])('%s：… is the unit of the projects under it', (label) => {
    const r = read(['2026年项目支出绩效目标表'], [`${label}：曲靖市人民政府办公室（本级）`], HEADER, row('档案数字化经费', '产出指标', '数量指标', '完成率'));
    expect(r.errors).toEqual([]);
    expect(r.projects.map((p) => p.unitName)).toEqual(['曲靖市人民政府办公室（本级）']);
  });

  it('seed 000: every project names 政府办 (the unit row under the title, 曲靖市人民政府办公室, says it last)', () => {
    expect(new Set(seed('qujing-govoffice-2026-budget.txt').projects.map((p) => p.unitName))).toEqual(new Set(['曲靖市人民政府办公室']));
  });
});

describe('rows a PDF may have put under the wrong project (存疑)', () => {
  it('a block whose 一级 start again after 满意度指标 is flagged with its rows and the next project, and left where it is', () => {
    const r = read(
      HEADER,
      row('档案数字化经费', '产出指标', '数量指标', '数字化完成率'),
      row('', '效益指标', '社会效益', '查阅便利度'),
      row('', '满意度指标', '服务对象满意度', '查阅者满意度'),
      row('', '产出指标', '数量指标', '补助发放率'),
      row('', '产出指标', '时效指标', '发放及时率'),
      row('困难群众补助', '效益指标', '社会效益', '生活改善率'),
      row('', '满意度指标', '服务对象满意度', '受助者满意度'),
    );
    expect(r.errors).toEqual([]);
    expect(r.projects.map((p) => [p.name, p.indicators.length])).toEqual([
      ['档案数字化经费', 5],
      ['困难群众补助', 2],
    ]);
    expect(r.doubts).toEqual([
      {
        source: 'pdf.txt',
        row: 5,
        column: '项目名称',
        project: '档案数字化经费',
        rows: [5, 6],
        nextProject: '困难群众补助',
        message: '存疑：“档案数字化经费”第 5–6 行的 2 条指标在“满意度指标”之后又从“产出指标”开始，可能属于下一个项目“困难群众补助”（PDF 转成的表格常把项目名称放在其各行的中间）；已按表中位置归入“档案数字化经费”，请核对',
      },
    ]);
  });

  it('the last project of a table: its rows may belong to another project', () => {
    const r = read(HEADER, row('档案数字化经费', '效益指标', '社会效益', '查阅便利度'), row('', '产出指标', '数量指标', '数字化完成率'));
    expect(r.doubts).toEqual([expect.objectContaining({ project: '档案数字化经费', rows: [3], nextProject: null })]);
    expect(r.doubts[0].message).toContain('可能属于其他项目');
  });

  it('blocks in the usual order, and 成本指标 anywhere, raise no doubt', () => {
    const r = read(
      HEADER,
      row('档案数字化经费', '产出指标', '数量指标', '数字化完成率'),
      row('', '效益指标', '社会效益', '查阅便利度'),
      row('', '成本指标', '经济成本指标', '成本控制率'),
      row('', '满意度指标', '服务对象满意度', '查阅者满意度'),
      row('困难群众补助', '产出指标', '数量指标', '补助发放率'),
    );
    expect(r.errors).toEqual([]);
    expect(r.doubts).toEqual([]);
  });

  it('seed 000 (政府办, a PDF turned to text): the four blocks whose project name landed mid-block', () => {
    const r = seed('qujing-govoffice-2026-budget.txt');
    expect(r.doubts.map((d) => [d.project, d.rows, d.nextProject])).toEqual([
      ['《曲靖市人民政府公报》编印费及政府信息公开工作经费', [112], '政府门户网站运营维护专项经费'],
      ['政府门户网站运营维护专项经费', [118, 119], '应急管理经费'],
      ['应急管理经费', [125], '曲靖市政府网站集约化平台服务项目经费'],
      ['曲靖市政府网站集约化平台服务项目经费', [129], '政务信息工作经费'],
    ]);
    // nothing moved: the projects keep the rows the table shows under them
    expect(r.projects.map((p) => p.indicators.length)).toEqual([7, 7, 6, 4, 4, 9, 9, 5, 4]);
  });
});

describe('a project’s money and category from the budget tables of the same document', () => {
  const BUDGET = [['## 2026年部门项目支出中期规划预算表'], ['单位：万元'], ['项目单位', '项目分类', '项目名称', '项目级次', '一般公共预算'], ['', '', '', '', '2026年'], ['', '312 民生类', '困难群众补助', '对下', '48.5']];

  it('matched by name: 项目分类, 项目级次 and this year’s amount in yuan', () => {
    const r = read(HEADER, row('困难群众补助', '产出指标', '数量指标', '补助发放率'), row('档案数字化经费', '产出指标', '数量指标', '数字化完成率'), ...BUDGET);
    expect(r.errors).toEqual([]);
    expect(r.projects[0].budgetLine).toMatchObject({ category: '312 民生类', level: '对下', amount: '485000.00', row: 8, table: '2026年部门项目支出中期规划预算表' });
    expect(r.projects[1].budgetLine).toBeUndefined();
  });

  it('a line whose code differs from the project’s is not taken', () => {
    const r = read(['项目编码', ...HEADER], ['P-1', ...row('困难群众补助', '产出指标', '数量指标', '补助发放率')], ['## 2026年部门项目支出预算表'], ['单位：元'], ['项目分类', '项目代码', '项目名称', '合计'], ['民生类', 'P-2', '困难群众补助', '10.00']);
    expect(r.projects[0].budgetLine).toBeUndefined();
  });

  it('seed 002 (信访局): every project found in the 中期规划预算表 takes its line; 信创产品购置 is in none', () => {
    const r = seed('qujing-petition-bureau-2026-budget.txt');
    const byName = new Map(r.projects.map((p) => [p.name, p.budgetLine]));
    expect(byName.get('信访智能系统及政务热线专项经费')).toMatchObject({ category: '311 专项业务类', amount: '2525000.00', row: 372 });
    expect(byName.get('信创产品购置专项经费')).toBeUndefined();
  });
});
