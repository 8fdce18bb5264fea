import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkDepartmentTarget } from '../department/department-target';
import { DEFAULT_PROFILE } from '../settings/settings-profile';
import { DepartmentTargetReading, readDepartmentTargets, splitNumbered } from './department-target-reader';
import { rowsOfText } from './target-table-reader';

const SEEDS = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'seeds');
const seedText = (file: string) => readFileSync(join(SEEDS, file), 'utf8');
const PROVINCES = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'provinces');
const provinceFile = (file: string): DepartmentTargetReading => readDepartmentTargets([{ name: file, rows: rowsOfText(readFileSync(join(PROVINCES, file), 'utf8')) }]);
const read = (lines: string[][], name = 'pasted'): DepartmentTargetReading => readDepartmentTargets([{ name, rows: lines }]);
const tsv = (text: string, name = 'pasted'): DepartmentTargetReading => readDepartmentTargets([{ name, rows: rowsOfText(text) }]);
const notes = (list: { row: number; column: string | null; message: string }[]) => list.map((n) => `${n.row}|${n.column ?? ''}|${n.message}`);

/** The layout this system exports (and Yunnan publishes): label column, budget in 万元 as a row of labels over a row of amounts. */
const YUNNAN = [
  '曲靖市信访局 2026 年部门整体绩效目标表',
  '部门名称\t曲靖市信访局',
  '年度履职目标\t1. 规范“12345”政务服务便民热线受理办理流程，提高电话接通率。\n2. 落实领导包案制度，化解信访积案，降低上访率。',
  '年度主要任务\t任务名称\t主要内容',
  '\t政务热线\t热线话务人员不少于 33 人，每月接听话务量不少于 18000 个。',
  '\t信访积案化解\t领导包案化解信访问题结案率不低于 85%。',
  '预算情况（万元）\t年度预算总额\t基本支出\t项目支出\t财政拨款\t上年结转\t其他资金',
  '\t1,071.527189\t681.587189\t389.94\t1071.527189\t0\t0',
  '一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t指标内容',
  '产出指标\t数量指标\t每月接听话务量\t>=\t18000\t个\t',
  '\t质量指标\t电话接通率\t≥\t95\t%\t',
  '效益指标\t社会效益\t领导包案化解信访问题结案率\t\t≥85%\t\t',
  '满意度指标\t满意度指标\t上访群众满意度\t\t≥90%\t\t',
].join('\n');

describe('reading a 部门（单位）整体绩效目标表', () => {
  // the duties' cell holds a line break, so its second line is a row of its own (as text pasted from a PDF is)
  it('reads the exported layout: numbered duties, task pairs, budget in 万元 to yuan, indicators', () => {
    const r = tsv(YUNNAN);
    expect(r.errors).toEqual([]);
    expect(r.tables).toBe(1);
    const [t] = r.targets;
    expect(t).toMatchObject({ departmentName: '曲靖市信访局', fiscalYear: 2026, budgetUnit: '万元' });
    expect(t.duties).toEqual(['规范“12345”政务服务便民热线受理办理流程，提高电话接通率。', '落实领导包案制度，化解信访积案，降低上访率。']);
    expect(t.tasks).toEqual([
      { name: '政务热线', content: '热线话务人员不少于 33 人，每月接听话务量不少于 18000 个。' },
      { name: '信访积案化解', content: '领导包案化解信访问题结案率不低于 85%。' },
    ]);
    expect(t.budget).toEqual({ total: '10715271.89', basic: '6815871.89', project: '3899400.00', appropriation: '10715271.89', carryOver: '0.00', other: '0.00' });
    expect(t.indicators.map((i) => [i.row, i.level1, i.level2, i.name, i.comparator, i.value, i.unit, i.kind])).toEqual([
      [11, '产出指标', '数量指标', '每月接听话务量', '≥', '18000', '个', '定量'],
      [12, '产出指标', '质量指标', '电话接通率', '≥', '95', '%', '定量'],
      [13, '效益指标', '社会效益指标', '领导包案化解信访问题结案率', '≥', '85', '%', '定量'],
      [14, '满意度指标', '服务对象满意度指标', '上访群众满意度', '≥', '90', '%', '定量'],
    ]);
    expect(notes(r.repairs)).toEqual(
      expect.arrayContaining(['13|指标值|单位“%”已从指标值中拆到度量单位', '14|二级指标|二级指标写成了一级指标的名称“满意度指标”，按“服务对象满意度指标”导入']),
    );
    const checks = checkDepartmentTarget({ ...t, indicators: t.indicators }, DEFAULT_PROFILE).filter((c) => c.severity === 'blocking');
    expect(checks).toEqual([]);
  });

  it('reads the national 申报表: one-paragraph goal, tasks with 预算金额 and their 金额合计 as the budget by source, in 元', () => {
    const r = read([
      ['部门整体支出绩效目标申报表', '', '', '', ''],
      ['（2026年度）', '', '', '', ''],
      ['', '', '', '', '金额单位：元'],
      ['部门（单位）名称', '曲靖市审计局', '曲靖市审计局', '曲靖市审计局', '曲靖市审计局'],
      ['年度主要任务', '任务名称', '主要内容', '预算金额（元）', ''],
      ['年度主要任务', '', '', '总额', '财政拨款'],
      ['年度主要任务', '审计监督', '完成市本级预算执行审计和 12 个部门的专项审计', '1,200,000.00', '1,200,000.00'],
      ['年度主要任务', '内部审计指导', '指导全市内部审计工作', '300000', '300000'],
      ['年度主要任务', '金额合计', '金额合计', '1,500,000.00', '1,500,000.00'],
      ['年度总体目标', '围绕市委市政府中心工作，依法全面履行审计监督职责，推动审计全覆盖。', '围绕市委市政府中心工作，依法全面履行审计监督职责，推动审计全覆盖。', '围绕市委市政府中心工作，依法全面履行审计监督职责，推动审计全覆盖。', '围绕市委市政府中心工作，依法全面履行审计监督职责，推动审计全覆盖。'],
      ['年度绩效指标', '一级指标', '二级指标', '三级指标', '指标值'],
      ['年度绩效指标', '产出指标', '数量指标', '审计项目数', '≥12个'],
      ['年度绩效指标', '产出指标', '时效指标', '审计报告出具时限', '≤10工作日'],
      ['年度绩效指标', '效益指标', '社会效益指标', '审计发现问题整改率', '≥90%'],
      ['年度绩效指标', '履职效能', '履职效能', '审计工作有效开展', '有效开展'],
    ]);
    expect(r.errors).toEqual([]);
    const [t] = r.targets;
    expect(t).toMatchObject({ departmentName: '曲靖市审计局', fiscalYear: 2026, budgetUnit: '元' });
    expect(t.duties).toEqual(['围绕市委市政府中心工作，依法全面履行审计监督职责，推动审计全覆盖。']);
    expect(t.tasks).toEqual([
      { name: '审计监督', content: '完成市本级预算执行审计和 12 个部门的专项审计' },
      { name: '内部审计指导', content: '指导全市内部审计工作' },
    ]);
    expect(t.budget).toEqual({ total: '1500000.00', basic: '0.00', project: '0.00', appropriation: '1500000.00', carryOver: '0.00', other: '0.00' });
    expect(notes(r.repairs)).toContain('9|预算情况|表中未分基本支出、项目支出，请在部门整体绩效目标页补填');
    expect(t.indicators.map((i) => [i.level1, i.level2, i.comparator, i.value, i.unit, i.kind])).toEqual([
      ['产出指标', '数量指标', '≥', '12', '个', '定量'],
      ['产出指标', '时效指标', '≤', '10', '工作日', '定量'],
      ['效益指标', '社会效益指标', '≥', '90', '%', '定量'],
      ['履职效能', '履职效能', '定性', '有效开展', '', '定性'],
    ]);
  });

  it('reads a vertical budget with 其中 lines and 分值 (read, not kept), a 二级 left out, placeholders and HTML', () => {
    const r = tsv(
      [
        '2026年曲靖市统计局部门（单位）整体绩效目标表',
        '单位名称：曲靖市统计局',
        '部门职能\t<p>（一）组织实施全市统计调查；</p><p>（二）发布统计信息，提供统计咨询。</p>',
        '预算情况\t预算总额\t850.00万元',
        '\t其中：财政拨款\t800.00万元',
        '\t其他资金\t50万元',
        '\t基本支出\t600',
        '\t项目支出\t250',
        '绩效指标\t一级指标\t二级指标\t三级指标\t指标值\t分值',
        '\t投入管理指标\t\t预算执行率\t≥90%\t10',
        '\t产出指标\t\t统计调查任务完成数\t≥ 12 项\t30',
        '\t\t\t统计数据发布及时率\t=100%\t20',
        '\t效益指标\t—\t统计服务社会效益\t有效提升\t20',
        '\t满意度指标\t/\t统计用户满意度\t≥90%\t20',
        '其他需说明事项\t无',
      ].join('\n'),
    );
    expect(r.errors).toEqual([]);
    const [t] = r.targets;
    expect(t.departmentName).toBe('曲靖市统计局');
    expect(t.duties).toEqual(['组织实施全市统计调查', '发布统计信息，提供统计咨询。']);
    expect(t.budget).toEqual({ total: '8500000.00', basic: '6000000.00', project: '2500000.00', appropriation: '8000000.00', carryOver: '0.00', other: '500000.00' });
    expect(t.indicators.map((i) => [i.row, i.level1, i.level2, i.name, i.value, i.weight])).toEqual([
      [10, '投入管理指标', '预算和财务管理', '预算执行率', '90', '10'],
      [11, '产出指标', '数量指标', '统计调查任务完成数', '12', '30'],
      [12, '产出指标', '时效指标', '统计数据发布及时率', '100', '20'],
      [13, '效益指标', '社会效益指标', '统计服务社会效益', '有效提升', '20'],
      [14, '满意度指标', '服务对象满意度指标', '统计用户满意度', '90', '20'],
    ]);
    expect(notes(r.repairs)).toEqual(
      expect.arrayContaining([
        '10|二级指标|二级指标为空，按名称推断为“预算和财务管理”',
        '10|分值|部门整体绩效目标不设分值，分值列只作核对，不导入',
        '12|二级指标|二级指标为空，按名称推断为“时效指标”',
      ]),
    );
  });

  it('reads a table without 分值 whose indicators continue merged cells, duties one per row', () => {
    const r = tsv(
      [
        '部门（单位）整体绩效目标表',
        '部门（单位）名称\t曲靖市档案局',
        '年度履职目标\t1、做好档案接收进馆工作',
        '\t2、推进档案数字化',
        '年度部门整体支出预算（万元）\t资金总额\t财政拨款\t其他资金',
        '\t300\t300\t',
        '年度绩效指标\t一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位',
        '\t产出指标\t数量指标\t接收档案数量\t≥\t5000\t卷',
        '\t\t\t数字化档案数量\t≥\t2000\t卷',
        '\t效益指标\t可持续影响\t档案利用服务能力\t定性\t逐步提高\t',
      ].join('\n'),
    );
    expect(r.errors).toEqual([]);
    const [t] = r.targets;
    expect(t.duties).toEqual(['做好档案接收进馆工作', '推进档案数字化']);
    expect(t.budget).toMatchObject({ total: '3000000.00', appropriation: '3000000.00', other: '0.00' });
    expect(t.indicators.map((i) => [i.level1, i.level2, i.name, i.comparator, i.weight])).toEqual([
      ['产出指标', '数量指标', '接收档案数量', '≥', null],
      ['产出指标', '数量指标', '数字化档案数量', '≥', null],
      ['效益指标', '可持续影响指标', '档案利用服务能力', '定性', null],
    ]);
  });

  it('finds the table inside a whole disclosure document and reads nothing else of it', () => {
    const document = [seedText('qujing-govoffice-2026-budget.txt'), '', '## 2026年部门整体绩效目标表', '', YUNNAN.split('\n').slice(1).join('\n'), '', seedText('qujing-petition-bureau-2026-budget.txt'), seedText('qujing-govoffice-2024-final-accounts-and-self-evaluation.txt')].join('\n');
    const r = tsv(document, '信访局预算公开.txt');
    expect(r.errors).toEqual([]);
    expect(r.tables).toBe(1);
    expect(r.targets[0].indicators).toHaveLength(4);
    expect(r.targets[0].duties).toHaveLength(2);
    expect(r.targets[0].budget.total).toBe('10715271.89');
    expect(r.targets[0].fiscalYear).toBe(2026);
  });

  it('finds no table in documents that hold none (the 2024 部门整体支出绩效自评表 reports results)', () => {
    for (const file of ['qujing-govoffice-2026-budget.txt', 'qujing-petition-bureau-2026-budget.txt', 'qujing-govoffice-2024-final-accounts-and-self-evaluation.txt']) {
      const r = tsv(seedText(file), file);
      expect([file, r.tables, r.errors]).toEqual([file, 0, []]);
    }
  });

  it('refuses bad rows, each with its row and column', () => {
    const r = tsv(
      [
        '曲靖市信访局2026年部门整体绩效目标表',
        '年度履职目标\t做好信访工作',
        '预算情况（万元）\t预算总额\t基本支出\t项目支出',
        '\t100\t60\t30',
        '一级指标\t二级指标\t三级指标\t指标性质\t指标值\t分值',
        '成本指标\t经济成本指标\t人均成本\t\t≤2万元\t',
        '产出指标\t数量指标\t\t\t≥5个\t',
        '产出指标\t数量指标\t接访次数\t\t≥5个\t五分',
        '产出指标\t数量指标\t办结数量\t≤\t≥5个\t',
        '效益指标\t社会效益指标\t群众满意\t\t\t',
        '投入管理指标\t\t干部队伍建设\t\t加强\t',
      ].join('\n'),
    );
    expect(notes(r.errors)).toEqual([
      '6|一级指标|一级指标“成本指标”不在部门整体绩效指标字典中（应为 投入管理指标、产出指标、效益指标、满意度指标、履职效能 之一）',
      '7|三级指标|指标值“≥5个”没有三级指标名称',
      '8|分值|分值“五分”不是数字',
      '9|指标值|指标值中的“≥”与指标性质“≤”不一致',
      '10|指标值|三级指标“群众满意”没有指标值',
      '11|二级指标|缺少二级指标，无法从“干部队伍建设”推断（投入管理指标下应为 工作目标管理、预算和财务管理、绩效管理 之一）',
      '4|预算情况|预算总额 1,000,000.00 元不等于基本支出与项目支出之和 900,000.00 元',
    ]);
  });

  // 河南 (test/fixtures/provinces/README.md §4, §5): 预算情况 by source (row of labels over amounts), then by kind with a
  // 2-row group header 基本支出 › 小计 | 其中：人员经费 | 其中：公用经费; a sign-off line under the table
  it.each([
    ['henan-kaifeng-culture-overall-target-2026.txt', 20],
    ['henan-kaifeng-culture-budget-disclosure-2026.txt', 160],
  ])('reads the 河南 整体绩效目标表 of %s: budget by source, then by kind under a group header', (file, first) => {
    const r = provinceFile(file);
    expect(r.errors).toEqual([]);
    expect(r.tables).toBe(1);
    const [t] = r.targets;
    expect(t).toMatchObject({ departmentName: '开封市文化广电和旅游局', fiscalYear: 2026, budgetUnit: '万元' });
    expect(t.duties).toHaveLength(5);
    expect(t.duties[0]).toBe('统筹推进文化遗产保护利用，守牢文物安全底线');
    expect(t.duties[4]).toBe('保障机关和所属单位正常运转。');
    expect(t.tasks.map((x) => x.name)).toEqual(['文化遗产保护', '公共文化服务', '文旅市场监管', '文旅宣传推广', '机关正常运转']);
    expect(t.tasks[4].content).toBe('保障人员经费和日常公用经费支出。');
    // 一般公共预算 2,706.40 + 政府性基金预算 100.00 (国有资本经营预算 —) → 财政拨款; 单位资金 50.00 (财政专户管理资金 —) → 其他资金;
    // 基本支出 is its 小计 2,546.90 (= 人员经费 2,310.60 + 公用经费 236.30), not added into the sources
    expect(t.budget).toEqual({ total: '28564000.00', basic: '25469000.00', project: '3095000.00', appropriation: '28064000.00', carryOver: '0.00', other: '500000.00' });
    expect(t.indicators).toHaveLength(12);
    const count = (level1: string) => t.indicators.filter((i) => i.level1 === level1).length;
    expect(['投入管理指标', '产出指标', '效益指标', '履职效能', '满意度指标'].map(count)).toEqual([3, 4, 2, 1, 2]);
    expect(t.indicators.reduce((sum, i) => sum + Number(i.weight), 0)).toBe(100);
    const rows = (at: number[]) => at.map((n) => t.indicators[n]).map((i) => [i.row - first + 1, i.level1, i.level2, i.name, i.comparator, i.value, i.unit, i.weight]);
    expect(rows([0, 1, 2, 4, 7, 8, 9, 10, 11])).toEqual([
      [1, '投入管理指标', '预算和财务管理', '预算执行率', '≥', '95', '%', '10'],
      [2, '投入管理指标', '预算和财务管理', '“三公”经费控制率', '≤', '100', '%', '5'],
      [3, '投入管理指标', '绩效管理', '绩效目标覆盖率', '=', '100', '%', '5'],
      [5, '产出指标', '数量指标', '公益性文化活动场次', '≥', '260', '场', '10'],
      [8, '效益指标', '社会效益指标', '公共文化设施年服务人次', '≥', '180', '万人次', '10'],
      [9, '效益指标', '可持续影响指标', '文物安全责任体系', '定性', '持续健全', '', '5'],
      [10, '履职效能', '履职效能', '重点工作任务完成率', '=', '100', '%', '10'],
      [11, '满意度指标', '服务对象满意度指标', '群众对公共文化服务满意度', '≥', '90', '%', '10'],
      [12, '满意度指标', '服务对象满意度指标', '游客投诉处理满意度', '≥', '85', '%', '10'],
    ]);
    expect(notes(r.repairs).filter((n) => n.includes('预算情况'))).toEqual([]);
    expect(checkDepartmentTarget({ ...t, indicators: t.indicators }, DEFAULT_PROFILE).filter((c) => c.severity === 'blocking')).toEqual([]);
  });

  // 新疆 (README §2): the national template with empty spacer columns from merged cells, the tasks' 金额合计 merged into the
  // label column, 年度总体目标 numbered in one cell, no 年度履职目标 and no by-kind split in this table
  it('reads the 新疆 部门整体支出绩效目标表 inside a whole disclosure: spacer columns, tasks with amounts and their 金额合计', () => {
    const r = provinceFile('xinjiang-fukang-justice-budget-disclosure-2026.txt');
    expect(r.errors).toEqual([]);
    expect(r.tables).toBe(1);
    const [t] = r.targets;
    expect(t).toMatchObject({ row: 129, departmentName: '阜康市司法局', fiscalYear: 2026, budgetUnit: '万元' });
    expect(t.duties).toEqual(['依法为困难群众提供法律援助，应援尽援', '矛盾纠纷排查化解成效明显，调解成功率保持在95%以上', '社区矫正对象监管到位，再犯罪率控制在0.2%以下。']);
    expect(t.tasks.map((x) => x.name)).toEqual(['法律援助', '人民调解', '社区矫正', '普法及公共法律服务', '机构正常运转']);
    expect(t.tasks[0].content).toBe('为经济困难群众和特殊案件当事人提供法律援助，全年办理法律援助案件不少于450件。');
    // 金额合计 1,298.45 | 1,286.45 | 12.00 under 总额 | 财政拨款 | 其他资金; 基本支出/项目支出 are only in the 部门支出预算总表, not read
    expect(t.budget).toEqual({ total: '12984500.00', basic: '0.00', project: '0.00', appropriation: '12864500.00', carryOver: '0.00', other: '120000.00' });
    expect(notes(r.repairs).filter((n) => n.includes('预算情况'))).toEqual(['141|预算情况|表中未分基本支出、项目支出，请在部门整体绩效目标页补填']);
    expect(notes(r.repairs).filter((n) => n.includes('错位'))).toEqual([]);
    expect(t.indicators).toHaveLength(10);
    const count = (level1: string, level2?: string) => t.indicators.filter((i) => i.level1 === level1 && (!level2 || i.level2 === level2)).length;
    expect([count('产出指标'), count('产出指标', '数量指标'), count('产出指标', '质量指标'), count('产出指标', '时效指标'), count('产出指标', '成本指标')]).toEqual([6, 2, 2, 1, 1]);
    expect([count('效益指标'), count('效益指标', '社会效益指标'), count('效益指标', '可持续影响指标'), count('满意度指标')]).toEqual([3, 2, 1, 1]);
    expect(t.indicators.filter((i) => [144, 148, 149, 151, 153].includes(i.row)).map((i) => [i.row, i.level1, i.level2, i.name, i.comparator, i.value, i.unit, i.weight])).toEqual([
      [144, '产出指标', '数量指标', '办理法律援助案件数', '≥', '450', '件', null],
      [148, '产出指标', '时效指标', '法律援助申请审查时限', '≤', '7', '个工作日', null],
      [149, '产出指标', '成本指标', '“三公”经费控制率', '≤', '100', '%', null],
      [151, '效益指标', '社会效益指标', '群众法治意识', '定性', '明显提升', '', null],
      [153, '满意度指标', '服务对象满意度指标', '法律援助受援人满意度', '≥', '95', '%', null],
    ]);
    // the by-kind split is left for the department to fill in
    expect(checkDepartmentTarget({ ...t, indicators: t.indicators }, DEFAULT_PROFILE).filter((c) => c.severity === 'blocking').map((c) => c.code)).toEqual(['budget-by-kind']);
  });

  it('refuses a table without duties or indicators, and an amount that is no number', () => {
    const r = tsv(['部门整体绩效目标表', '预算情况（元）\t财政拨款\t一百万'].join('\n'));
    expect(notes(r.errors)).toEqual([
      '2|预算情况·财政拨款|金额“一百万”不是数字',
      '1|年度履职目标|表中没有找到“年度履职目标”（或“部门职能”“年度总体目标”）',
      '1|绩效指标|表中没有找到绩效指标的表头（一级指标、二级指标、三级指标、指标值）',
    ]);
  });
});

describe('numbered text into items', () => {
  it.each([
    ['1.甲。 2.乙。 3.丙', ['甲。', '乙。', '丙']],
    ['（一）甲；（二）乙', ['甲', '乙']],
    ['一、甲\n二、乙', ['甲', '乙']],
    ['一是排查矛盾，二是落实接访', ['排查矛盾', '落实接访']],
    ['主要职责：1.甲 2.乙', ['甲', '乙']],
    ['安排资金 2.5 万元，完成 1.2 万卷档案数字化', ['安排资金 2.5 万元，完成 1.2 万卷档案数字化']],
    ['甲\n乙', ['甲', '乙']],
  ])('%s', (text, items) => {
    expect(splitNumbered(text)).toEqual(items);
  });
});
