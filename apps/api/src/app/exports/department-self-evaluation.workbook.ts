import { DepartmentSelfEvaluationDto } from '@pm/api-contract';
import { BudgetLine } from '@pm/domain';
import ExcelJS from 'exceljs';
import { addNoteRow, finishOfficialSheet, officialSheetOptions } from './print-layout';
import { mergeRuns, PRINTED_COMPARATOR, THIN } from './xlsx-layout';

const WIDTHS = [14, 12, 22, 16, 16, 16, 16, 10, 24, 10];
const WIDTH = WIDTHS.length;
const amount = (text: string) => (text === '' ? '' : Number(text));

/**
 * 部门整体支出绩效自评表 in the layout of the 2024 final accounts (附表14): the money block (年初预算数,
 * 预算调整数, 预算确定数, 执行数, 执行率) for the total, 基本支出 and 项目支出; 部门年度目标 with what was
 * done; the indicators with 实际完成值 and 偏差原因分析及改进措施.
 */
export function addDepartmentSelfEvaluationSheet(workbook: ExcelJS.Workbook, sheetName: string, e: DepartmentSelfEvaluationDto): void {
  const sheet = workbook.addWorksheet(sheetName, officialSheetOptions());
  sheet.columns = WIDTHS.map((width) => ({ width }));
  const row = (cells: (string | number | null)[], merges: [number, number][] = [], bold = false) => {
    const added = sheet.addRow(cells);
    for (const [from, to] of merges) sheet.mergeCells(added.number, from, added.number, to);
    for (let c = 1; c <= WIDTH; c++) Object.assign(added.getCell(c), { border: THIN, alignment: { vertical: 'middle', wrapText: true }, font: { bold } });
    return added;
  };
  sheet.mergeCells(1, 1, 1, WIDTH);
  Object.assign(sheet.getCell(1, 1), { value: `${e.fiscalYear}年度部门整体支出绩效自评表`, font: { bold: true, size: 16 }, alignment: { horizontal: 'center' } });
  row(['基本信息'], [[1, WIDTH]], true);
  row(['部门名称', e.departmentName], [[2, WIDTH]]);
  const top = sheet.rowCount + 1;
  row(['部门预算资金（元）', '项目年度支出', '', '年初预算数', '预算调整数', '预算确定数', '执行数', '执行率(%)', '情况说明', '备注'], [[2, 3]], true);
  const line = (label: [string, string], b: BudgetLine, merge: boolean) => {
    const added = row(['', label[0], label[1], amount(b.initial), amount(b.adjustment), amount(b.annual), amount(b.executed), b.rate === null ? '' : `${b.rate}%`, '', ''], merge ? [[2, 3]] : []);
    for (const c of [4, 5, 6, 7]) added.getCell(c).numFmt = '#,##0.00';
  };
  line(['年度资金总额', ''], e.budget.total, true);
  line(['基本支出', '年度资金总额'], e.budget.basic, false);
  line(['项目支出', '年度资金总额'], e.budget.project, false);
  sheet.mergeCells(top, 1, sheet.rowCount, 1);
  const goals = e.duties.map((d, n) => `${n + 1}. ${d.duty}${d.result ? `（完成情况：${d.result}）` : ''}`).join('\n');
  row(['部门年度目标', goals], [[2, WIDTH]]);
  row(['部门整体支出绩效指标'], [[1, WIDTH]], true);
  row(['绩效指标', '', '', '指标性质', '指标值', '度量单位', '实际完成值', '偏差原因分析及改进措施'], [[1, 3], [8, WIDTH]], true);
  row(['一级指标', '二级指标', '三级指标', '', '', '', '', ''], [[8, WIDTH]], true);
  const first = sheet.rowCount + 1;
  for (const i of e.indicators) {
    row([i.level1, i.level2, i.name, i.comparator && i.comparator !== '定性' ? PRINTED_COMPARATOR[i.comparator] : '定性', i.value, i.unit, i.actual ?? '', i.deviationNote], [[8, WIDTH]]);
  }
  mergeRuns(sheet, first, 1, e.indicators.map((i) => i.level1));
  mergeRuns(sheet, first, 2, e.indicators.map((i) => `${i.level1}/${i.level2}`));
  row(['其他需说明事项', e.notes || '无'], [[2, WIDTH]]);
  addNoteRow(sheet, '备注：1.资金来源包括年初预算和调整预算。“预算调整数”栏调增为“+”，调减为“-”；', WIDTH);
  addNoteRow(sheet, '2.一级指标包含产出指标、效益指标、满意度指标，二级指标和三级指标根据实际情况设置。', WIDTH);
  finishOfficialSheet(sheet, WIDTH);
}

export async function departmentSelfEvaluationWorkbook(e: DepartmentSelfEvaluationDto): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '绩效目标管理';
  addDepartmentSelfEvaluationSheet(workbook, '部门整体支出绩效自评表', e);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
