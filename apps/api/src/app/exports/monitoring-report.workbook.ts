import { MonitoringReportDto, MonitoringReportListItem } from '@pm/api-contract';
import { Colour, COLOUR_LABELS } from '@pm/domain';
import ExcelJS from 'exceljs';
import { addNoteRow, finishOfficialSheet, officialSheetOptions } from './print-layout';
import { mergeRuns, PRINTED_COMPARATOR, THIN } from './xlsx-layout';

/** The four colours as cell fills (蓝 绿 黄 红), light enough to print. */
export const COLOUR_FILLS: Record<Colour, string> = { blue: 'FFBAE0FF', green: 'FFB7EB8F', yellow: 'FFFFE58F', red: 'FFFFA39E' };
/** A cell filled in its warning colour (left white while unfilled). */
function paint(cell: ExcelJS.Cell, colour: Colour | null | undefined): void {
  if (colour) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLOUR_FILLS[colour] } };
}
const label = (colour: Colour | null | undefined) => (colour ? COLOUR_LABELS[colour] : '未填报');

const HEADER = ['一级指标', '二级指标', '三级指标', '年度指标值', '截至当前完成值', '全年预计完成值', '完成目标可能性', '偏差原因', '偏差原因说明', '纠偏措施', '预警', '指标编号'];
const WIDTHS = [12, 14, 24, 14, 12, 12, 12, 14, 26, 26, 30, 6];

/**
 * 项目支出绩效目标执行监控表 of one project: the money block (元), the goal and its progress, then a
 * row per indicator with its colour and arithmetic. The hidden 指标编号 column lets a copy filled
 * in Excel import back into the same indicators.
 */
export async function monitoringReportWorkbook(report: MonitoringReportDto, departmentName: string, fiscalYear: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '绩效目标管理';
  const sheet = workbook.addWorksheet('绩效目标执行监控表', officialSheetOptions());
  sheet.columns = WIDTHS.map((width) => ({ width }));
  sheet.getColumn(HEADER.length).hidden = true;
  const width = HEADER.length - 1;
  const row = (cells: (string | number | null)[], merges: [number, number][] = [], bold = false) => {
    const added = sheet.addRow(cells);
    for (const [from, to] of merges) sheet.mergeCells(added.number, from, added.number, to);
    for (let c = 1; c <= width; c++) Object.assign(added.getCell(c), { border: THIN, alignment: { vertical: 'middle', wrapText: true }, font: { bold } });
    return added;
  };
  sheet.mergeCells(1, 1, 1, width);
  Object.assign(sheet.getCell(1, 1), { value: `${fiscalYear} 年项目支出绩效目标执行监控表（截至 ${report.cutoffDate}）`, font: { bold: true, size: 16 }, alignment: { horizontal: 'center' } });
  row(['项目名称', report.projectName, '', '', '', '项目编码', report.projectCode ?? ''], [[2, 5], [7, width]]);
  row(['主管部门', departmentName, '', '', '', '实施单位', report.unitName], [[2, 5], [7, width]]);
  const money = row(['全年预算数（元）', Number(report.budget.annual), `1-${report.cutoffMonth}月执行数（元）`, report.budget.executed === null ? '' : Number(report.budget.executed), '执行率', report.budget.rate === null ? '' : `${report.budget.rate}%`, '全年预计执行数（元）', report.budget.forecast === null ? '' : Number(report.budget.forecast), '预算执行预警', label(report.budget.warning?.colour)], [[10, width]]);
  for (const c of [2, 4, 8]) money.getCell(c).numFmt = '#,##0.00';
  paint(money.getCell(10), report.budget.warning?.colour);
  if (report.budget.warning) row(['预算执行预警计算', report.budget.warning.explanation.formula], [[2, width]]);
  row(['年度总体目标', report.goal], [[2, width]]);
  row(['总体目标完成情况', report.goalProgress], [[2, width]]);
  const header = sheet.addRow(HEADER);
  for (let c = 1; c <= width; c++) Object.assign(header.getCell(c), { border: THIN, font: { bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } });
  const first = sheet.rowCount + 1;
  for (const r of report.indicators) {
    const target = `${r.comparator && r.comparator !== '定性' ? PRINTED_COMPARATOR[r.comparator] : ''}${r.value}${r.unit}`;
    const added = row([r.level1, r.level2, r.name, target, r.current ?? '', r.forecast ?? '', r.likelihood ?? '', r.reasons.join('、'), r.reasonNote, r.measures, r.warning ? `${label(r.warning.colour)}：${r.warning.explanation.formula}` : '未填报', r.indicatorId]);
    paint(added.getCell(11), r.warning?.colour);
  }
  mergeRuns(sheet, first, 1, report.indicators.map((r) => r.level1));
  mergeRuns(sheet, first, 2, report.indicators.map((r) => `${r.level1}/${r.level2}`));
  sheet.addRow([]);
  addNoteRow(sheet, `说明：项目预警：${label(report.colour)}（取各项预警中最差者：红 > 黄 > 绿 > 蓝）；偏差原因可选：${report.profile.deviationCategories.join('、')}；完成目标可能性：确定能、有可能、完全不可能`, width);
  finishOfficialSheet(sheet, width);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export interface RoundListLine extends MonitoringReportListItem {
  departmentName: string;
  annual: string;
  executed: string | null;
  rate: string | null;
  budgetColour: Colour | null;
  redRows: number;
}

const STATUS_WORDS: Record<string, string> = { draft: '填报中', submitted: '待主管部门审核', department_approved: '待财政审核', approved: '已审核' };

/** The round's list of reports with their colours, one line per project, for the finance bureau's file. */
export async function monitoringRoundWorkbook(title: string, lines: RoundListLine[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '绩效目标管理';
  const sheet = workbook.addWorksheet('监控预警汇总', officialSheetOptions('2:2'));
  const header = ['主管部门', '预算单位', '项目编码', '项目名称', '全年预算数（元）', '执行数（元）', '执行率', '预算执行预警', '红色预警指标数', '项目预警', '状态'];
  sheet.columns = [22, 24, 14, 30, 16, 16, 10, 12, 12, 10, 14].map((width) => ({ width }));
  sheet.mergeCells(1, 1, 1, header.length);
  Object.assign(sheet.getCell(1, 1), { value: title, font: { bold: true, size: 16 }, alignment: { horizontal: 'center' } });
  const top = sheet.addRow(header);
  top.eachCell((c) => Object.assign(c, { border: THIN, font: { bold: true }, alignment: { horizontal: 'center', wrapText: true } }));
  for (const l of lines) {
    const added = sheet.addRow([l.departmentName, l.unitName, l.projectCode ?? '', l.projectName, Number(l.annual), l.executed === null ? '' : Number(l.executed), l.rate === null ? '' : `${l.rate}%`, label(l.budgetColour), l.redRows, label(l.colour), STATUS_WORDS[l.status] ?? l.status]);
    added.eachCell({ includeEmpty: true }, (c) => Object.assign(c, { border: THIN, alignment: { vertical: 'middle', wrapText: true } }));
    for (const c of [5, 6]) added.getCell(c).numFmt = '#,##0.00';
    paint(added.getCell(8), l.budgetColour);
    paint(added.getCell(10), l.colour);
  }
  finishOfficialSheet(sheet, header.length);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
