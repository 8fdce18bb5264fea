import { TargetIndicatorDto } from '@pm/api-contract';
import { toWanYuan } from '@pm/domain';
import ExcelJS from 'exceljs';
import { streamedWorkbook } from './streamed-workbook';
import { addSignOff, fitRowHeights, officialSheetOptions, PageFlow, setPrintArea } from './print-layout';
import { BODY_CELL, THIN } from './xlsx-layout';

export interface SummaryProject {
  code: string | null;
  name: string;
  unitName: string;
  fundsTotal: string;
  indicators: TargetIndicatorDto[];
}

const MONEY_CELL: Partial<ExcelJS.Style> = Object.freeze({ ...BODY_CELL, numFmt: '#,##0.00' });

const GROUPS = ['成本指标', '产出指标', '效益指标', '满意度指标'] as const;
/** Inside a 指标值 cell the summary writes the symbol itself; 定性 needs none. */
const IN_VALUE: Record<string, string> = { '≥': '≥', '≤': '≤', '>': '>', '<': '<', '=': '=', 定性: '' };

/** 成本 sits in its own pair whether the sheet put it as a 一级 (2021 regime) or under 产出. */
const groupOf = (r: TargetIndicatorDto) => (r.level1 === '产出指标' && r.level2 === '成本指标' ? '成本指标' : r.level1);

/** `≥95%`, `≤24万元`, `有效提升`: the comparator, value and unit in one cell, as the summary prints them. */
const valueCell = (r: TargetIndicatorDto) => `${r.comparator ? IN_VALUE[r.comparator] : ''}${r.value}${r.unit}`;

/**
 * 部门预算项目绩效目标汇总表: one block of rows per project (编码, 名称, 单位, 预算 in 万元) and a
 * 三级指标 | 指标值 pair per 一级; the 二级 is not part of this layout. Streamed, a project at a time.
 */
export function departmentSummaryWorkbook(title: string, projects: SummaryProject[]): Promise<Buffer> {
  return streamedWorkbook((workbook) => {
    const sheet = workbook.addWorksheet('部门预算项目绩效目标汇总表', officialSheetOptions('2:3'));
    sheet.columns = [14, 28, 24, 12, ...GROUPS.flatMap(() => [22, 12])].map((width) => ({ width }));
    const width = 4 + GROUPS.length * 2;
    sheet.mergeCells(1, 1, 1, width);
    Object.assign(sheet.getCell(1, 1), { value: title, font: { bold: true, size: 16 }, alignment: { horizontal: 'center' } });
    const top = sheet.addRow(['项目编码', '项目名称', '预算单位', '年度预算（万元）', ...GROUPS.flatMap((g) => [g, ''])]);
    const below = sheet.addRow(['', '', '', '', ...GROUPS.flatMap(() => ['三级指标', '指标值'])]);
    for (let c = 1; c <= 4; c++) sheet.mergeCells(top.number, c, below.number, c);
    GROUPS.forEach((_, g) => sheet.mergeCells(top.number, 5 + g * 2, top.number, 6 + g * 2));
    for (const row of [top, below]) for (let c = 1; c <= width; c++) Object.assign(row.getCell(c), { border: THIN, font: { bold: true }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true } });
    fitRowHeights(sheet, 1, below.number, width);
    const flow = new PageFlow(sheet, width, (top.height ?? 0) + (below.height ?? 0));
    flow.keep(1, below.number);

    for (const project of projects) {
      const groups = GROUPS.map((g) => project.indicators.filter((r) => groupOf(r) === g));
      const height = Math.max(1, ...groups.map((g) => g.length));
      let first = 0;
      let row: ExcelJS.Row | null = null;
      for (let i = 0; i < height; i++) {
        row = sheet.addRow([
          i === 0 ? (project.code ?? '') : '',
          i === 0 ? project.name : '',
          i === 0 ? project.unitName : '',
          i === 0 ? Number(toWanYuan(project.fundsTotal)) : '',
          ...groups.flatMap((g) => (g[i] ? [g[i].name, valueCell(g[i])] : ['', ''])),
        ]);
        for (let c = 1; c <= width; c++) row.getCell(c).style = c === 4 ? MONEY_CELL : BODY_CELL;
        first ||= row.number;
      }
      if (height > 1) for (let c = 1; c <= 4; c++) sheet.mergeCells(first, c, first + height - 1, c);
      fitRowHeights(sheet, first, first + height - 1, width);
      flow.keep(first, first + height - 1);
      row?.commit();
    }
    const signOff = addSignOff(sheet, width);
    fitRowHeights(sheet, signOff.top, signOff.bottom, width);
    flow.keep(signOff.top, signOff.bottom);
    setPrintArea(sheet, width, signOff.bottom);
  });
}
