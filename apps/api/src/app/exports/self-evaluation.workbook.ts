import { DepartmentSelfEvaluationDto, SelfEvaluationDto } from '@pm/api-contract';
import { addDepartmentSelfEvaluationSheet } from './department-self-evaluation.workbook';
import ExcelJS from 'exceljs';
import { addNoteRow, finishOfficialSheet, officialSheetOptions } from './print-layout';
import { mergeRuns, PRINTED_COMPARATOR, THIN } from './xlsx-layout';

export interface SelfEvaluationSheetData {
  evaluation: SelfEvaluationDto;
  departmentName: string;
  /** 年初预算数 by source, from the project's funds. */
  bySource: { appropriation: string; carryOver: string; other: string };
}

// 年初预算数 / 全年预算数 / 全年执行数 sit in columns 3 to 5: wide enough for amounts in 元
const WIDTHS = [12, 16, 24, 14, 14, 9, 16, 9, 9, 34, 6];
const WIDTH = 10;
const money = (text: string | null) => (text === null || text === '' ? '' : Number(text));
const MONEY_FORMAT = '#,##0.00';

/**
 * 项目支出绩效自评表 in the layout of the 2024 final accounts: project and money block (年初预算数,
 * 全年预算数, 全年执行数, 分值, 执行率, 得分), the goal with its 实际完成情况, a row per indicator with
 * 实际完成值, 分值, 得分 and 偏差原因, then 总分 and 等级. Each score carries its arithmetic as a cell
 * note; the hidden 指标编号 column brings a copy filled in Excel back to the same indicators.
 */
export function addSelfEvaluationSheet(workbook: ExcelJS.Workbook, sheetName: string, data: SelfEvaluationSheetData): void {
  const { evaluation: e } = data;
  const sheet = workbook.addWorksheet(sheetName, officialSheetOptions());
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.getColumn(WIDTH + 1).hidden = true;
  const row = (cells: (string | number | null)[], merges: [number, number][] = [], bold = false) => {
    const added = sheet.addRow(cells);
    for (const [from, to] of merges) sheet.mergeCells(added.number, from, added.number, to);
    for (let c = 1; c <= WIDTH; c++) Object.assign(added.getCell(c), { border: THIN, alignment: { vertical: 'middle', wrapText: true }, font: { bold } });
    return added;
  };
  sheet.mergeCells(1, 1, 1, WIDTH);
  Object.assign(sheet.getCell(1, 1), { value: `${e.fiscalYear}年度项目支出绩效自评表`, font: { bold: true, size: 16 }, alignment: { horizontal: 'center' } });
  row(['项目名称', e.projectName], [[2, WIDTH]]);
  row(['主管部门', data.departmentName, '', '', '实施单位', e.unitName], [[2, 4], [6, WIDTH]]);

  const top = sheet.rowCount + 1;
  row(['项目资金', '', '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'], [[8, WIDTH]], true);
  const total = row(['', '年度资金总额', money(e.budget.initial), money(e.budget.annual), money(e.budget.executed), Number(e.budget.weight), e.budget.rate === null ? '' : `${e.budget.rate}%`, Number(e.budget.score)], [[8, WIDTH]]);
  total.getCell(8).note = e.budget.explanation.formula;
  for (const [label, amount] of [['其中：当年财政拨款', data.bySource.appropriation], ['上年结转资金', data.bySource.carryOver], ['非财政拨款', data.bySource.other]] as const) {
    row(['', label, Number(amount) ? Number(amount) : '', '', '', '—', '—', '—'], [[8, WIDTH]]);
  }
  for (let r = top + 1; r <= sheet.rowCount; r++) for (const c of [3, 4, 5]) sheet.getCell(r, c).numFmt = MONEY_FORMAT;
  sheet.mergeCells(top, 1, sheet.rowCount, 1);

  row(['预期目标', '', '', '', '', '', '实际完成情况'], [[1, 6], [7, WIDTH]], true);
  row(['年度总体目标', e.goal, '', '', '', '', e.goalActual], [[2, 6], [7, WIDTH]]);
  row(['绩效指标', '', '', '年度指标值', '', '', '指标完成情况'], [[1, 3], [4, 6], [7, WIDTH]], true);
  const header = row(['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '实际完成值', '分值', '得分', '偏差原因分析及改进措施', '指标编号'], [], true);
  header.eachCell((c) => (c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }));

  const first = sheet.rowCount + 1;
  for (const i of e.indicators) {
    const comparator = i.comparator && i.comparator !== '定性' ? PRINTED_COMPARATOR[i.comparator] : '定性';
    const actual = !i.applicable ? '不适用' : (i.actual ?? '');
    const added = row([i.level1, i.level2, i.name, comparator, i.value, i.unit, actual, i.weight === null ? '' : Number(i.weight), i.score === null ? '' : Number(i.score), i.deviationNote, i.indicatorId]);
    const notes = [i.explanation?.formula, i.tier ? `评判等级：${i.tier}` : null, i.override ? `审核调整：计算得分 ${i.computedScore ?? '—'}，调整为 ${i.override.score}（${i.override.reason}，${i.override.by}）` : null].filter(Boolean);
    if (notes.length) added.getCell(9).note = notes.join('\n');
    for (const c of [8, 9]) added.getCell(c).numFmt = '0.00';
  }
  mergeRuns(sheet, first, 1, e.indicators.map((i) => i.level1));
  mergeRuns(sheet, first, 2, e.indicators.map((i) => `${i.level1}/${i.level2}`));
  row(['其他需要说明的事项', '', '无'], [[1, 2], [3, WIDTH]]);
  const weights = e.indicators.reduce((sum, i) => sum + (i.applicable && i.weight ? Number(i.weight) : 0), Number(e.budget.weight));
  const closing = row(['总分', Number(weights.toFixed(2)), '', '', '', '', '', '', Number(e.total), e.grade], [[2, 8]], true);
  closing.getCell(9).numFmt = '0.00';
  closing.getCell(10).note = e.gradeExplanation.formula;
  sheet.addRow([]);
  for (const note of [
    '备注：1. 一级指标包含产出指标、效益指标、满意度指标，二级指标和三级指标根据项目实际情况设置；',
    '2. 当年财政拨款指一般公共预算、国有资本经营预算、政府性基金预算安排的资金；',
    '3. 上年结转资金指上一年一般公共预算、国有资本经营预算、政府性基金预算安排的结转资金；',
    '4. 非财政拨款含财政专户管理资金和单位资金等；',
    '5. 全年预算数=年初预算数+调整预算（年度新增项目）',
  ]) addNoteRow(sheet, note, WIDTH);
  finishOfficialSheet(sheet, WIDTH);
}

export async function selfEvaluationWorkbook(data: SelfEvaluationSheetData): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '绩效目标管理';
  addSelfEvaluationSheet(workbook, '项目支出绩效自评表', data);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A department's disclosure pack: its approved 部门整体支出绩效自评表 first, then every approved 自评表 of the year, one sheet each, named by project. */
export async function disclosureWorkbook(tables: SelfEvaluationSheetData[], department: DepartmentSelfEvaluationDto | null): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '绩效目标管理';
  if (department) addDepartmentSelfEvaluationSheet(workbook, '部门整体支出绩效自评表', department);
  const used = new Set<string>();
  tables.forEach((t, n) => {
    // Excel sheet names: at most 31 characters, none of []:*?/\ and unique
    const base = `${n + 1} ${t.evaluation.projectName}`.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31);
    let name = base;
    for (let k = 2; used.has(name); k++) name = `${base.slice(0, 28)}(${k})`;
    used.add(name);
    addSelfEvaluationSheet(workbook, name, t);
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
