import { DepartmentTargetDto } from '@pm/api-contract';
import { toWanYuan } from '@pm/domain';
import ExcelJS from 'exceljs';
import { finishOfficialSheet, officialSheetOptions } from './print-layout';
import { mergeRuns, PRINTED_COMPARATOR, THIN } from './xlsx-layout';

const WIDTH = 7;

/** 部门整体绩效目标表: duties, tasks, budget in 万元 and the indicator rows, A4 landscape. */
export async function departmentTargetWorkbook(target: DepartmentTargetDto): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '绩效目标管理';
  const sheet = workbook.addWorksheet('部门整体绩效目标表', officialSheetOptions());
  sheet.columns = [16, 16, 24, 10, 12, 10, 40].map((width) => ({ width }));
  const line = (cells: (string | number)[], options: { bold?: boolean; spanFrom?: number } = {}) => {
    const row = sheet.addRow(cells);
    if (options.spanFrom !== undefined) sheet.mergeCells(row.number, options.spanFrom, row.number, WIDTH);
    for (let c = 1; c <= WIDTH; c++) Object.assign(row.getCell(c), { border: THIN, alignment: { vertical: 'middle', wrapText: true }, font: { bold: options.bold ?? false } });
    return row;
  };
  sheet.mergeCells(1, 1, 1, WIDTH);
  Object.assign(sheet.getCell(1, 1), { value: `${target.departmentName} ${target.fiscalYear} 年部门整体绩效目标表`, font: { bold: true, size: 16 }, alignment: { horizontal: 'center' } });
  line(['部门名称', target.departmentName], { spanFrom: 2 });
  line(['年度履职目标', target.duties.map((d, i) => `${i + 1}. ${d}`).join('\n')], { spanFrom: 2 });
  line(['年度主要任务', '任务名称', '主要内容'], { bold: true, spanFrom: 3 });
  for (const task of target.tasks) line(['', task.name, task.content], { spanFrom: 3 });
  line(['预算情况（万元）', '年度预算总额', '基本支出', '项目支出', '财政拨款', '上年结转', '其他资金'], { bold: true });
  const b = target.budget;
  line(['', ...[b.total, b.basic, b.project, b.appropriation, b.carryOver, b.other].map((v) => Number(toWanYuan(v)))]).eachCell((cell, c) => {
    if (c > 1) cell.numFmt = '#,##0.00';
  });
  line(['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '指标内容'], { bold: true });
  const first = sheet.rowCount + 1;
  for (const r of target.indicators) line([r.level1, r.level2, r.name, r.comparator ? PRINTED_COMPARATOR[r.comparator] : '', r.value, r.unit, r.content]);
  mergeRuns(sheet, first, 1, target.indicators.map((r) => r.level1));
  mergeRuns(sheet, first, 2, target.indicators.map((r) => `${r.level1}/${r.level2}`));
  finishOfficialSheet(sheet, WIDTH);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
