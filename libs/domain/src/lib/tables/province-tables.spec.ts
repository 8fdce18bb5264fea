import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { withoutSignOffs } from './table-bounds';
import { readTargetTables, rowsOfText, TargetTableReading } from './target-table-reader';

// Tables laid out as other provinces publish them (test/fixtures/provinces/README.md: where each layout comes from)
const PROVINCES = join(__dirname, '..', '..', '..', '..', '..', 'test', 'fixtures', 'provinces');
// as the import reads a pasted table: its sign-off rows left out (新疆's forms each end with one)
const read = (file: string): TargetTableReading => readTargetTables([{ name: file, rows: withoutSignOffs(rowsOfText(readFileSync(join(PROVINCES, file), 'utf8'))) }]);

describe('target tables of other provinces, read by what their cells say', () => {
  it.each([
    ['guangdong-dongguan-approval-form-midterm-annual-2026.txt', 1, [["镇村道路提质改造工程", 7, "28600000.00"]]],
    ['henan-kaifeng-culture-budget-disclosure-2026.txt', 1, [["文化旅游宣传推介经费", 7, "850000.00"], ["文化市场综合执法专项经费", 5, "425000.00"], ["图书馆数字资源建设经费", 5, "300000.00"], ["少儿阅读推广活动经费", 4, "120000.00"], ["不可移动文物日常巡查保护经费", 5, "600000.00"], ["文物安防设施运维经费", 6, "800000.00"]]],
    ['henan-kaifeng-culture-project-summary-2026.txt', 1, [["文化旅游宣传推介经费", 7, "850000.00"], ["文化市场综合执法专项经费", 5, "425000.00"], ["图书馆数字资源建设经费", 5, "300000.00"], ["少儿阅读推广活动经费", 4, "120000.00"], ["不可移动文物日常巡查保护经费", 5, "600000.00"], ["文物安防设施运维经费", 6, "800000.00"]]],
    ['hubei-district-project-forms-long-annual-2026.txt', 2, [["教育信息化建设及智慧课堂", 8, "4800000.00"], ["中小学校园安保服务", 5, "3960000.00"]]],
    ['hunan-county-project-list-two-row-header-messy-2026.txt', 1, [["城区道路清扫保洁经费", 7, "3200000.00"], ["数字城管平台运维经费", 5, "480000.00"], ["城市管理宣传经费", 5, "125000.00"]]],
    ['sichuan-township-project-list-2026.txt', 1, [["村（社区）干部报酬", 6, "1986400.00"], ["基层党组织活动经费", 5, "480000.00"], ["场镇环境卫生保洁经费", 5, "650000.00"]]],
    ['xinjiang-changji-project-forms-2026.txt', 3, [["昌吉市全民健身赛事活动经费", 8, "486000.00"], ["昌吉市公共图书馆免费开放补助经费", 7, "320000.00"], ["非物质文化遗产保护传承经费", 6, "185000.00"]]],
    ['xinjiang-fukang-justice-budget-disclosure-2026.txt', 3, [["法律援助专项经费", 7, "680000.00"], ["人民调解以奖代补经费", 6, "450000.00"], ["社区矫正工作经费", 6, "380000.00"]]],
  ] as [string, number, [string, number, string | null][]][])('%s: %i target tables, each project with its indicators and money, no errors', (file, tables, projects) => {
    const reading = read(file);
    expect(reading.errors).toEqual([]);
    expect(reading.tables).toBe(tables);
    expect(reading.projects.map((p) => [p.name, p.indicators.length, p.fundsTotal ?? null])).toEqual(projects);
  });

  it('reads nothing from a 部门（单位）整体绩效目标表: it is the department import’s', () => {
    expect(read('henan-kaifeng-culture-overall-target-2026.txt')).toMatchObject({ tables: 0, projects: [], errors: [] });
  });

  it('a 新疆 form: the year’s goal under its label, 指标1： numbering dropped, 成本指标 as a 二级 under 产出, a date as 定性', () => {
    const [first] = read('xinjiang-changji-project-forms-2026.txt').projects;
    expect(first).toMatchObject({ goal: expect.stringMatching(/^2026年组织开展市级群众性体育赛事不少于12场/), unitName: '昌吉市全民健身中心' });
    expect(first.indicators.map((i) => `${i.level1}/${i.level2}/${i.name}/${i.comparator}${i.value}${i.unit}`).slice(0, 5)).toEqual([
      '产出指标/数量指标/举办市级群众性体育赛事场次/≥12场',
      '产出指标/数量指标/参赛群众人次/≥6000人次',
      '产出指标/质量指标/赛事安全事故发生率/=0%',
      '产出指标/时效指标/赛事经费支付完成时间/定性2026年12月20日前',
      '产出指标/成本指标/单场赛事平均成本/≤4.05万元/场',
    ]);
  });

  it('a 河南 summary: unit rows choose each project’s unit; 合计 and unit rows are no projects', () => {
    const units = read('henan-kaifeng-culture-project-summary-2026.txt').projects.map((p) => `${p.unitRow?.code} ${p.unitRow?.name}`);
    expect([...new Set(units)]).toEqual(['103001 开封市文化广电和旅游局（本级）', '103002 开封市图书馆', '103003 开封市文物保护中心']);
  });

  it('a 四川 list: rows shifted by converted merged cells put back, the unit in its own column', () => {
    const reading = read('sichuan-township-project-list-2026.txt');
    expect(reading.projects.map((p) => p.unitRow)).toEqual(Array(3).fill({ code: '831001', name: '某某县某某镇人民政府' }));
    expect(reading.projects[1].indicators[0]).toMatchObject({ level1: '满意度指标', name: expect.any(String) });
  });

  it('湖北 and 广东 forms with a long-term and an annual set: the annual targets are read', () => {
    expect(read('hubei-district-project-forms-long-annual-2026.txt').projects[1].indicators.map((i) => i.name)).not.toContain('校园安保覆盖学校');
    const [road] = read('guangdong-dongguan-approval-form-midterm-annual-2026.txt').projects;
    expect(road.indicators[0]).toMatchObject({ level1: '产出指标', level2: '数量指标', name: '完成道路改造里程', comparator: '≥', value: '12', unit: '公里' });
    expect(road.goal).toMatch(/^2026年完成12公里道路改造/);
  });
});
