import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readTargetTables, realign, rowsOfText, TargetTableReading } from './target-table-reader';

const SEEDS = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'seeds');
const seed = (file: string): TargetTableReading => readTargetTables([{ name: file, rows: rowsOfText(readFileSync(join(SEEDS, file), 'utf8')) }]);
const table = (...lines: string[][]): TargetTableReading => readTargetTables([{ name: 'pasted', rows: lines }]);
const HEADER = ['单位名称、项目名称', '项目年度绩效目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '指标属性', '指标内容'];
const count = (r: TargetTableReading) => r.projects.reduce((n, p) => n + p.indicators.length, 0);

describe('the published 2026 target tables, read whole as disclosure documents', () => {
  it('政府办 (seed 000): 9 projects and 55 indicators, every shifted row put back', () => {
    const r = seed('qujing-govoffice-2026-budget.txt');
    expect(r.errors).toEqual([]);
    expect(r.projects.map((p) => [p.name, p.indicators.length])).toEqual([
      ['《曲靖市人民政府公报》编印费及政府信息公开工作经费', 7],
      ['政府门户网站运营维护专项经费', 7],
      ['应急管理经费', 6],
      ['曲靖市政府网站集约化平台服务项目经费', 4],
      ['政务信息工作经费', 4],
      ['督办及调研工作经费', 9],
      ['遗属生活补助资金', 9],
      ['市政府总值班室调度平台运营服务项目经费', 5],
      ['政府办机关专项经费', 4],
    ]);
    expect(count(r)).toBe(55);
    const repairs = r.repairs.map((n) => `${n.row}:${n.message}`);
    expect(repairs).toEqual(
      expect.arrayContaining([
        '105:“曲靖市人民政府办公室”只有名称、没有指标，视为单位名称行，以下项目属于该单位',
        '126:整行向右错位 2 列，已按表头对齐',
        '127:一级、二级指标错位到第 1–2 列，已移回一级、二级指标列',
        '130:指标部分向右错位 2 列，已按表头对齐',
      ]),
    );
    expect(repairs).toHaveLength(20);
    const platform = r.projects[3].indicators[0];
    expect(platform).toMatchObject({ level1: '产出指标', level2: '质量指标', name: '网站使用率', comparator: '≥', value: '90', unit: '%', kind: '定量' });
  });

  it('信访局 (seed 002): 7 projects and 54 indicators; a 三级 that is only “>=” is cleared for the clerk to fill', () => {
    const r = seed('qujing-petition-bureau-2026-budget.txt');
    expect(r.errors).toEqual([]);
    expect(r.projects.map((p) => p.indicators.length)).toEqual([5, 14, 4, 3, 17, 5, 6]);
    expect(count(r)).toBe(54);
    expect(r.repairs.filter((n) => n.message === '整行向左错位 2 列，已按表头对齐').map((n) => n.row)).toEqual([280, 281, 282, 283]);
    expect(r.repairs.filter((n) => n.column === '三级指标')).toHaveLength(11);
    const transfer = r.projects[5].indicators[0];
    expect(transfer).toMatchObject({ name: '', comparator: '≥', value: '12', unit: '人' });
    const hotline = r.projects[4].indicators.find((i) => i.name === '网络故障专线修复时间');
    expect(hotline).toMatchObject({ comparator: '≤', value: '4小时', kind: '定性' });
  });

  it('the 2024 self-evaluations (seed 001) are results, not targets: no target table is read from them', () => {
    const r = seed('qujing-govoffice-2024-final-accounts-and-self-evaluation.txt');
    expect(r).toMatchObject({ tables: 0, projects: [], errors: [] });
  });
});

describe('headers of other provinces', () => {
  it('maps synonyms, a two-row header and spaces inside names', () => {
    const r = table(
      ['项目编码', '项目名称', '项目总体目标', '绩效指标', '', '', '计算符号', '指标值', '计量单位', '指标值类型', '指标解释', '指标设定依据', '上年完成值', '指标分值权重', '评（扣）分标准', '佐证资料'],
      ['', '', '', '一级指标', '二级指标', '三级指标'],
      ['53030001', '森林防火经费', '守住不发生重特大森林火灾的底线', '产出 指标', '数量指标', '巡查次数', '≥', '120', '次', '定量', '全年巡查次数', '2025 年实绩', '110', '20分', '每少 10 次扣 2 分', '巡查记录'],
      ['', '', '', '满意 度指 标', '服务对象满意度', '林区群众满意度', '', '≥90%', '', '', '', '', '', '10', '', ''],
    );
    expect(r.errors).toEqual([]);
    expect(r.projects).toEqual([
      expect.objectContaining({
        code: '53030001',
        name: '森林防火经费',
        goal: '守住不发生重特大森林火灾的底线',
        indicators: [
          { level1: '产出指标', level2: '数量指标', name: '巡查次数', comparator: '≥', value: '120', unit: '次', kind: '定量', content: '全年巡查次数', basis: '2025 年实绩', lastYearActual: '110', lastYearActualText: null, weight: '20', scoringRule: '每少 10 次扣 2 分', evidence: '巡查记录' },
          expect.objectContaining({ level1: '满意度指标', level2: '服务对象满意度指标', comparator: '≥', value: '90', unit: '%', weight: '10' }),
        ],
      }),
    ]);
    expect(r.repairs.map((n) => n.message)).toEqual(['单位“%”已从指标值中拆到度量单位']);
  });

  it('reads the per-project form: 项目名称 and 年度总体目标 above the indicator rows', () => {
    const r = table(
      ['项目支出绩效目标申报表'],
      ['项目名称', '防汛抗旱专项经费', '', '主管部门', '曲靖市水务局'],
      ['预算单位', '曲靖市水务局（本级）'],
      ['年度总体目标', '完成病险水库除险加固 5 座'],
      ['一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '除险加固水库数', '=5 座'],
      ['', '', '质量指标', ''],
      ['效益指标', '社会效益', '受益人口', '≥2万人'],
    );
    expect(r.projects).toEqual([
      expect.objectContaining({ name: '防汛抗旱专项经费', unitName: '曲靖市水务局（本级）', goal: '完成病险水库除险加固 5 座' }),
    ]);
    expect(r.projects[0].indicators.map((i) => [i.level1, i.level2, i.name, i.comparator, i.value, i.unit])).toEqual([
      ['产出指标', '数量指标', '除险加固水库数', '=', '5', '座'],
      ['产出指标', '数量指标', '质量指标', '定性', '', ''],
      ['效益指标', '社会效益指标', '受益人口', '≥', '2', '万人'],
    ]);
  });
});

describe('messy rows', () => {
  it.each([
    ['the unit repeated inside the value', ['项目甲', '', '产出指标', '成本指标', '运维费用', '', '<=90万元', '万元', '定量指标', ''], '指标值中重复写了单位“万元”，已去掉'],
    ['a comparator alone in the name column', ['项目甲', '', '产出指标', '质量指标', '>=', '', '95', '%', '定量指标', ''], '三级指标列只有“>=”，已移到指标性质；请补填指标名称'],
    ['a 90%以上 target', ['项目甲', '', '效益指标', '社会效益', '知晓率', '', '90%以上', '', '', ''], '“90%以上”按“≥”处理'],
    ['last year’s result with its unit', ['项目甲', '', '效益指标', '社会效益', '知晓率', '≥', '90', '%', '', '', '88%'], '上年完成值“88%”去掉了单位“%”'],
  ])('repairs %s and says so', (_, row, repair) => {
    const r = table([...HEADER, '上年完成值'], row);
    expect(r.errors).toEqual([]);
    expect(r.repairs.map((n) => n.message)).toContain(repair);
  });

  it.each([
    ['a weight that is not a number', [...HEADER, '分值'], ['项目甲', '', '产出指标', '数量指标', '场次', '≥', '6', '场', '定量指标', '', '二十'], { row: 2, column: '分值', message: '分值“二十”不是数字' }],
    ['comparators that disagree', HEADER, ['项目甲', '', '产出指标', '数量指标', '场次', '≤', '≥6', '场', '', ''], { row: 2, column: '指标值', message: '指标值中的“≥”与指标性质“≤”不一致' }],
    ['a cell outside every column', HEADER, ['项目甲', '', '产出指标', '数量指标', '场次', '≥', '6', '场', '定量指标', '', '多出的一格'], { row: 2, column: null, message: '第 11 列“多出的一格”不在任何表头之下，无法确定是哪一项' }],
    ['a name longer than can be stored', HEADER, ['项目甲', '', '产出指标', '数量指标', '长'.repeat(201), '≥', '6', '场', '定量指标', ''], { row: 2, column: '三级指标', message: '三级指标超过 200 字' }],
    ['an indicator before any project', HEADER, ['', '', '产出指标', '数量指标', '场次', '≥', '6', '场', '定量指标', ''], { row: 2, column: '项目名称', message: '指标行之前没有项目名称' }],
    ['a 一级 in a column it cannot be moved from', HEADER, ['项目甲', '产出指标', '数量指标', '场次', '≥', '6', '场', '', '', ''], { row: 2, column: null, message: '一级指标“产出指标”在第 2 列，不在“一级指标”列，无法确定各列的对应关系' }],
  ])('refuses %s with its row, column and reason', (_, header, row, error) => {
    expect(table(header, row).errors).toEqual([{ source: 'pasted', ...error }]);
  });

  it('refuses one project code used for two projects', () => {
    const header = ['项目编码', ...HEADER];
    const r = table(header, ['001', '项目甲', '', '产出指标', '数量指标', '场次', '≥', '6', '场', '', ''], ['001', '项目乙', '', '产出指标', '数量指标', '场次', '≥', '6', '场', '', '']);
    expect(r.errors.map((e) => e.message)).toEqual(['项目编码 001 同时用于“项目甲”和“项目乙”']);
  });

  it('skips number rows and notes, and keeps reading after them', () => {
    const r = table(HEADER, ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10'], ['项目甲', '', '产出指标', '数量指标', '场次', '≥', '6', '场', '', ''], ['说明：本表不含涉密项目。']);
    expect(r).toMatchObject({ tables: 1, errors: [], repairs: [] });
    expect(count(r)).toBe(1);
  });

  it('reads a form copied from a web page, where each row keeps only its own cells and lacks those merged down from above', () => {
    const r = table(
      ['项目名称', '社区健身赛事补助'],
      ['年度目标', '举办社区健身赛事，提高群众参与度。'],
      ['绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
      ['产出指标', '数量指标', '举办赛事场次', '≥6场'],
      ['参赛人数', '≥800人'],
      ['质量指标', '赛事安全事故数', '=0起'],
      ['赛事完成率', '100%'],
      ['效益指标', '社会效益指标', '群众参与度', '明显提高'],
      ['生态效益指标', '本项目不适用此指标', '无'],
      ['满意度指标', '服务对象满意度指标', '参赛群众满意度', '≥90%'],
    );
    expect(r.errors).toEqual([]);
    expect(r.projects[0].indicators.map((i) => [i.level1, i.level2, i.name, i.comparator, i.value, i.unit])).toEqual([
      ['产出指标', '数量指标', '举办赛事场次', '≥', '6', '场'],
      ['产出指标', '数量指标', '参赛人数', '≥', '800', '人'],
      ['产出指标', '质量指标', '赛事安全事故数', '=', '0', '起'],
      ['产出指标', '质量指标', '赛事完成率', null, '100', '%'],
      ['效益指标', '社会效益指标', '群众参与度', '定性', '明显提高', ''],
      ['满意度指标', '服务对象满意度指标', '参赛群众满意度', '≥', '90', '%'],
    ]);
    expect(r.repairs.map((n) => `${n.row} ${n.message}`)).toEqual(
      expect.arrayContaining(['5 整行向左错位 3 列，已按表头对齐', '6 整行向左错位 2 列，已按表头对齐', '9 “生态效益指标”写明“本项目不适用此指标”，未导入']),
    );
  });

  it('takes a form’s money unit from the label row over its block, and leaves an amount of no stated unit for the lead', () => {
    const form = (moneyLabel: string) =>
      table(
        ['项目名称', '再生资源回收管理经费'],
        [moneyLabel, '资金来源', '年初安排金额'],
        ['资金总额', '3'],
        ['年度目标', '规范再生资源回收网点。'],
        ['一级指标', '二级指标', '三级指标', '指标值'],
        ['产出指标', '数量指标', '规范网点数', '≥12个'],
      );
    const said = form('投入目标 (万元)');
    expect(said.errors).toEqual([]);
    expect(said.projects[0].fundsTotal).toBe('30000.00');
    const unsaid = form('投入目标');
    expect(unsaid.errors).toEqual([]);
    expect(unsaid.projects[0].fundsTotal).toBeUndefined();
    expect(unsaid.repairs.map((n) => n.message)).toContain('资金总额“3”没有写明单位（万元或元），未导入；新建的项目请补填资金');
  });

  it('reads an approval form whose 一级 cells carry their score range, under a label column of their own', () => {
    const r = table(
      ['项目名称', '加工园配套设施建设'],
      ['年度绩效目标(90分)', '一级指标', '二级指标', '三级指标', '指标值', '分值'],
      ['成本指标(0-20)分', '经济成本指标', '项目建设成本', '≤65万元', '10'],
      ['社会成本指标'],
      ['产出指标 (40-50)分', '数量指标', '新建道路长度', '≥1.2公里', '20'],
    );
    expect(r.errors).toEqual([]);
    expect(r.projects[0].indicators.map((i) => [i.level1, i.level2, i.name, i.value, i.unit, i.weight])).toEqual([
      ['成本指标', '经济成本指标', '项目建设成本', '65', '万元', '10'],
      ['产出指标', '数量指标', '新建道路长度', '1.2', '公里', '20'],
    ]);
    expect(r.repairs.map((n) => n.message)).toContain('“社会成本指标”下没有三级指标和指标值，未导入');
  });

  it('leaves out a template line naming a 二级 with nothing under it, and says so', () => {
    const r = table(HEADER, ['项目甲', '', '产出指标', '数量指标', '场次', '≥', '6', '场', '', ''], ['', '', '', '社会成本指标', '', '', '', '', '', '']);
    expect(r.errors).toEqual([]);
    expect(count(r)).toBe(1);
    expect(r.repairs.map((n) => n.message)).toEqual(['“社会成本指标”下没有三级指标和指标值，未导入']);
  });

  it('never drops a cell when putting a row back', () => {
    const row = ['', '', '项目乙', '目标', '产出指标', '数量指标', '场次', '≥', '6', '场'];
    expect(realign(row, 2).cells.filter(Boolean)).toEqual(row.filter(Boolean));
  });
});

describe('the department summary (部门预算项目绩效目标汇总表)', () => {
  const summary = (...rows: string[][]) =>
    readTargetTables([
      {
        name: 'summary',
        rows: [
          ['部门预算项目绩效目标汇总表'],
          ['项目编码', '项目名称', '年度预算（万元）', '成本指标', '', '产出指标', '', '效益指标', '', '满意度指标', ''],
          ['', '', '', '三级指标', '指标值', '三级指标', '指标值', '三级指标', '指标值', '三级指标', '指标值'],
          ...rows,
        ],
      },
    ]);

  it('reads a block of rows per project, a 三级指标 | 指标值 pair per 一级, and infers each 二级', () => {
    const r = summary(
      ['53030021', '信访接待经费', '24.00', '接待成本', '≤24万', '接待人次', '≥3000人次', '群众诉求解决率', '≥90%', '来访群众满意度', '≥90%'],
      ['', '', '', '', '', '办理时限', '≤10工作日', '', '', '', ''],
      ['', '', '', '', '', '信访简报', '4篇/月', '', '', '', ''],
      ['53030022', '网上信访平台运维经费', '12.50', '', '', '系统可用率', '≥99%', '建立长效机制', '有效提升', '', ''],
    );
    expect(r.errors).toEqual([]);
    expect(r.projects.map((p) => [p.code, p.name, p.indicators.length, p.fundsTotal])).toEqual([
      ['53030021', '信访接待经费', 6, '240000.00'],
      ['53030022', '网上信访平台运维经费', 2, '125000.00'],
    ]);
    expect(r.projects[0].indicators.map((i) => [i.level1, i.level2, i.name, i.comparator, i.value, i.unit, i.kind])).toEqual([
      ['成本指标', '经济成本指标', '接待成本', '≤', '24', '万', '定量'],
      ['产出指标', '数量指标', '接待人次', '≥', '3000', '人次', '定量'],
      ['效益指标', '社会效益指标', '群众诉求解决率', '≥', '90', '%', '定量'],
      ['满意度指标', '服务对象满意度指标', '来访群众满意度', '≥', '90', '%', '定量'],
      ['产出指标', '时效指标', '办理时限', '≤', '10', '工作日', '定量'],
      ['产出指标', '数量指标', '信访简报', null, '4', '篇/月', '定量'],
    ]);
    expect(r.projects[1].indicators.map((i) => [i.level2, i.kind])).toEqual([
      ['质量指标', '定量'],
      ['可持续影响指标', '定性'],
    ]);
    expect(r.repairs.map((n) => n.message)).toContain('“办理时限”的二级指标按名称推断为“时效指标”');
  });

  it('takes unit rows (`103001 …`, or code and name side by side) as the unit of the projects under them', () => {
    const r = summary(
      ['103001 市文化和旅游局（本级）', '', '127.50', '', '', '', '', '', '', '', ''],
      ['41020026P001101', '文化旅游宣传推介经费', '85.00', '推介成本', '≤85万元', '推介活动', '≥6场', '游客增长率', '≥5%', '参与单位满意度', '≥90%'],
      ['103002', '市图书馆', '', '', '', '', '', '', '', '', ''],
      ['41020026P002201', '数字资源建设经费', '30.00', '采购成本', '≤30万元', '新增数字资源', '≥8TB', '数字阅读人次', '≥20万人次', '读者满意度', '≥92%'],
      ['合计', '', '115.00', '', '', '', '', '', '', '', ''],
    );
    expect(r.errors).toEqual([]);
    expect(r.projects.map((p) => [p.name, p.unitRow?.code, p.unitName])).toEqual([
      ['文化旅游宣传推介经费', '103001', '市文化和旅游局（本级）'],
      ['数字资源建设经费', '103002', '市图书馆'],
    ]);
    expect(r.repairs.map((n) => n.message)).toContain('“103002 市图书馆”是单位行，以下项目属于该单位');
  });

  it('refuses a value without its indicator name', () => {
    const r = summary(['53030021', '信访接待经费', '24.00', '', '≤24万', '', '', '', '', '', '']);
    expect(r.errors).toEqual([{ source: 'summary', row: 4, column: '成本指标·三级指标', message: '指标值“≤24万”没有指标名称' }]);
  });
});

describe('cells as tables of other provinces write them (SPEC §7)', () => {
  const WITH_LAST = [...HEADER, '指标值设置依据', '上年完成值'];
  const one = (cells: string[], header = WITH_LAST) => {
    const r = table(header, ['项目甲', '', ...cells]);
    expect(r.errors).toEqual([]);
    return { indicator: r.projects[0].indicators[0], repairs: r.repairs.map((n) => `${n.column}:${n.message}`) };
  };

  it.each(['-', '—', '/', '无', '——', '／'])('reads the placeholder “%s” as an empty cell', (placeholder) => {
    const { indicator } = one(['产出指标', '数量指标', '场次', '≥', '6', '场', '定量指标', placeholder, placeholder, placeholder]);
    expect(indicator).toMatchObject({ content: '', basis: '', lastYearActual: null, value: '6' });
  });

  it('takes spaces out of names and values: `满意 度指 标`, `调研 次数`, `≥ 2000 件`, `> = 95%`', () => {
    expect(one(['满意 度指 标', '服务 对象满意度', '群众 满意度', '> =', '95%', '', '', '', '', '']).indicator).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标', name: '群众满意度', comparator: '≥', value: '95', unit: '%' });
    expect(one(['产出指标', '数量指标', '调研 次数', '', '≥ 2000 件', '', '', '', '', '']).indicator).toMatchObject({ name: '调研次数', comparator: '≥', value: '2000', unit: '件', kind: '定量' });
    expect(one(['产出指标', '数量指标', 'ISO 9001 认证', '', '通过', '', '', '', '', '']).indicator.name).toBe('ISO 9001认证');
  });

  it('reads a date as a 定性 value', () => {
    expect(one(['产出指标', '时效指标', '完成时限', '', '2026 年 12 月 20 日前', '', '', '', '', '']).indicator).toMatchObject({ comparator: '定性', value: '2026年12月20日前', unit: '', kind: '定性' });
  });

  it('strips HTML a web page left in a cell', () => {
    const { indicator } = one(['<p>产出指标</p>', '数量指标', '<span style="x">培训&nbsp;人次</span>', '', '&gt;=300人次', '', '', '<p>按年度计划</p><p>测算</p>', '', '']);
    expect(indicator).toMatchObject({ level1: '产出指标', name: '培训人次', comparator: '≥', value: '300', unit: '人次', content: '按年度计划\n测算' });
  });

  it('skips separator rows and blank rows inside a table', () => {
    const r = table(HEADER, ['--|----|---'], ['-----', '---', '---'], ['项目甲', '', '产出指标', '数量指标', '场次', '≥', '6', '场', '', ''], [], ['', '', '产出指标', '质量指标', '合格率', '≥', '95', '%', '', '']);
    expect(r.errors).toEqual([]);
    expect(r.projects.map((p) => p.indicators.map((i) => i.name))).toEqual([['场次', '合格率']]);
  });

  it('reads a 二级 written as its 一级’s own name as that 一级’s default 二级, and says so', () => {
    const { indicator, repairs } = one(['满意度指标', '满意度指标', '服务对象满意度', '≥', '90', '%', '', '', '', '']);
    expect(indicator).toMatchObject({ level1: '满意度指标', level2: '服务对象满意度指标' });
    expect(repairs).toEqual(['二级指标:二级指标写成了一级指标的名称“满意度指标”，按“服务对象满意度指标”导入']);
  });

  it('keeps a 上年完成值 in another unit, or in words, as written (lastYearActualText); in the target’s unit it is the number', () => {
    const other = one(['产出指标', '时效指标', '响应及时率', '≥', '90', '%', '', '', '计划标准', '24 小时']);
    expect(other.indicator).toMatchObject({ lastYearActual: null, lastYearActualText: '24 小时', basis: '计划标准' });
    expect(one(['产出指标', '数量指标', '场次', '≥', '6', '场', '', '', '', '已完成']).indicator).toMatchObject({ lastYearActual: null, lastYearActualText: '已完成' });
    expect(one(['产出指标', '质量指标', '合格率', '≥', '95', '%', '', '', '', '92%']).indicator).toMatchObject({ lastYearActual: '92', lastYearActualText: null });
  });
});

describe('headers of one to three rows, each column named by its whole path', () => {
  it('reads a list whose header has group cells over money and indicator columns, and a sub-header row below', () => {
    const r = table(
      ['序号', '项目名称', '项目金额（万元）', '', '', '年度绩效目标', '绩效指标', '', '', '', '', ''],
      ['', '', '资金总额', '其中', '', '', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位'],
      ['', '', '', '财政拨款', '其他资金', '', '', '', '', '', '', ''],
      ['1', '城乡低保提标资金', '120.5', '100', '20.5', '按时足额发放', '产出指标', '数量指标', '保障人数', '≥', '3200', '人'],
      ['', '', '', '', '', '', '满意度指标', '服务对象满意度指标', '受助群众满意度', '≥', '90', '%'],
    );
    expect(r.errors).toEqual([]);
    expect(r.projects.map((p) => [p.name, p.goal, p.fundsTotal, p.indicators.length])).toEqual([['城乡低保提标资金', '按时足额发放', '1205000.00', 2]]);
    expect(r.repairs.map((n) => n.message)).toEqual(['“项目金额（万元） › 其中 › 财政拨款”列不是绩效目标的内容，未导入', '“项目金额（万元） › 其中 › 其他资金”列不是绩效目标的内容，未导入']);
  });

  it('takes the unit of the money from a 单位：万元 line when the header does not say it', () => {
    const header = ['项目名称', '资金总额', '一级指标', '二级指标', '三级指标', '指标值'];
    const body = ['养老服务补贴', '36', '产出指标', '数量指标', '补贴人数', '≥1200人'];
    expect(table(['单位：万元'], header, body).projects[0].fundsTotal).toBe('360000.00');
    expect(table(header, body).errors.map((e) => e.message)).toEqual(['资金总额“36”的表头没有写明单位（万元或元），请在表头注明']);
  });

  it('reads a department summary with a header row above the 一级 names and their 三级指标 | 指标值 pairs', () => {
    const r = table(
      ['项目编码', '项目名称', '项目金额（万元）', '', '绩效目标', '', '', '', '', ''],
      ['', '', '资金总额', '财政拨款', '产出指标', '', '效益指标', '', '满意度指标', ''],
      ['', '', '', '', '三级指标', '指标值', '三级指标', '指标值', '三级指标', '指标值'],
      ['41010001', '城区道路保洁经费', '85.6', '85.6', '保洁面积', '≥ 120 万平方米', '道路整洁度', '明显提升', '市民满意度', '≥90%'],
      ['', '', '', '', '作业完成时限', '每日 7 时前', '', '', '', ''],
    );
    expect(r.errors).toEqual([]);
    expect(r.projects.map((p) => [p.code, p.name, p.fundsTotal, p.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}/${i.comparator ?? ''}${i.value}${i.unit}`)])).toEqual([
      ['41010001', '城区道路保洁经费', '856000.00', ['产出指标/数量指标/保洁面积/≥120万平方米', '效益指标/社会效益指标/道路整洁度/定性明显提升', '满意度指标/服务对象满意度指标/市民满意度/≥90%', '产出指标/时效指标/作业完成时限/定性每日7时前']],
    ]);
  });
});

describe('a whole disclosure document: only its project target tables are read', () => {
  const T = (...cells: string[]) => cells.join('\t');
  const document = [
    '某市自然资源局2026年部门预算公开',
    '2026年部门收支预算总表',
    '单位：元',
    T('收入', '', '支出', ''),
    T('项目', '预算数', '项目', '预算数'),
    T('一般公共预算拨款收入', '8,650,000.00', '一般公共服务支出', '1,200,000.00'),
    T('合计', '8,650,000.00', '合计', '8,650,000.00'),
    '2026年部门项目支出绩效目标表',
    T('项目名称', '年度绩效目标', '一级指标', '二级指标', '三级指标', '指标值'),
    T('不动产登记服务经费', '提升登记效率', '产出指标', '数量指标', '办件量', '≥5000件'),
    T('', '', '满意度指标', '服务对象满意度指标', '办事群众满意度', '≥95%'),
    '2026年部门项目支出预算表',
    T('项目名称', '功能分类科目', '金额', '备注'),
    T('不动产登记服务经费', '2200102', '450,000.00', ''),
    T('项目支出 合计', '', '450,000.00', ''),
    '2026年部门（单位）整体绩效目标表',
    T('部门（单位）名称', '某市自然资源局'),
    T('年度履职目标', '1. 保障国土空间规划实施；2. 做好不动产统一登记。'),
    T('一级指标', '二级指标', '三级指标', '指标值'),
    T('产出指标', '数量指标', '规划审批件数', '≥300件'),
    T('履职效能', '履职效能', '规划实施率', '≥90%'),
    '2026年“三公”经费支出预算表',
    T('因公出国（境）费', '公务接待费', '公务用车购置及运行费', '合计'),
    T('0.00', '12,000.00', '80,000.00', '92,000.00'),
  ].map((line) => line.split('\t'));

  it('reads the project target table and nothing of the other tables, the 部门整体绩效目标表 included', () => {
    const r = readTargetTables([{ name: 'disclosure', rows: document }]);
    expect(r.errors).toEqual([]);
    expect(r.tables).toBe(1);
    expect(r.projects.map((p) => [p.name, p.indicators.map((i) => i.name)])).toEqual([['不动产登记服务经费', ['办件量', '办事群众满意度']]]);
  });

  it('ends a table at the title of the next one, whatever that table holds', () => {
    const r = table(HEADER, ['项目甲', '', '产出指标', '数量指标', '场次', '≥', '6', '场', '', ''], ['2026年部门政府采购预算表'], ['办公设备采购', '', '台式计算机', '10', '台', '50000']);
    expect([r.errors, r.projects.map((p) => [p.name, p.indicators.length])]).toEqual([[], [['项目甲', 1]]]);
  });

  it('never reads a total row as a project', () => {
    const r = table(HEADER, ['项目甲', '', '产出指标', '数量指标', '场次', '≥', '6', '场', '', ''], ['合  计', '', '', '', '', '', '', '', '', '']);
    expect([r.errors, r.projects.map((p) => p.name)]).toEqual([[], ['项目甲']]);
  });
});


describe('tables the property tests (target-table-reader.property.spec.ts) found read wrong', () => {
  const line = (r: TargetTableReading) => r.projects.map((p) => [p.name, p.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}/${i.comparator ?? ''}${i.value}${i.unit}/${i.kind}`)]);
  const LIST = ['项目名称', '一级指标', '二级指标', '三级指标', '指标值'];

  it('reads `=0起` as the number 0 in the unit 起 (安全事故 = 0 起), not as a phrase', () => {
    const r = table(LIST, ['文物安防设施运维经费', '产出指标', '质量指标', '文物安全事故', '=0起']);
    expect([r.errors, line(r)]).toEqual([[], [['文物安防设施运维经费', ['产出指标/质量指标/文物安全事故/=0起/定量']]]]);
  });

  it('puts back a 2021 成本指标 row shifted one column right behind an empty cell, with its block', () => {
    const r = table(
      ['项目名称', '指标性质', '一级指标', '二级指标', '三级指标', '指标值'],
      ['', '森林防火经费', '≥', '产出指标', '数量指标', '巡查次数', '120次'],
      ['', '', '', '成本指标', '社会成本指标', '火灾损失', '明显减少'],
    );
    expect([r.errors, line(r)]).toEqual([[], [['森林防火经费', ['产出指标/数量指标/巡查次数/≥120次/定量', '成本指标/社会成本指标/火灾损失/定性明显减少/定性']]]]);
  });

  it('puts back the continuation rows of a shifted block by what they say: a name followed by a target', () => {
    const r = table(
      LIST,
      ['', '森林防火经费', '产出指标', '数量指标', '巡查次数', '≥120次'],
      ['', '', '', '', '巡查覆盖率', '≥95%'],
      ['', '', '', '成本指标', '单次巡查成本', '≤200元'],
    );
    expect([r.errors, line(r)]).toEqual([[], [['森林防火经费', ['产出指标/数量指标/巡查次数/≥120次/定量', '产出指标/数量指标/巡查覆盖率/≥95%/定量', '产出指标/成本指标/单次巡查成本/≤200元/定量']]]]);
  });

  it('puts back a shifted block that starts on a continuation row, with no 一级 to say where it sits', () => {
    const r = table(
      LIST,
      ['森林防火经费', '产出指标', '数量指标', '巡查次数', '≥120次'],
      ['', '', '', '', '巡查覆盖率', '≥95%'],
      ['', '', '', '成本指标', '单次巡查成本', '≤200元'],
    );
    expect([r.errors, line(r)]).toEqual([[], [['森林防火经费', ['产出指标/数量指标/巡查次数/≥120次/定量', '产出指标/数量指标/巡查覆盖率/≥95%/定量', '产出指标/成本指标/单次巡查成本/≤200元/定量']]]]);
    expect(r.repairs.filter((n) => n.message.includes('错位')).map((n) => `${n.row}:${n.message}`)).toEqual(['3:整行向右错位 1 列，已按表头对齐', '4:整行向右错位 1 列，已按表头对齐']);
  });
});
