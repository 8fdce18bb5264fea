import { TargetIndicatorDto } from '@pm/api-contract';
import ExcelJS from 'exceljs';
import { streamedWorkbook } from './streamed-workbook';
import { addSignOff, fitRowHeights, officialSheetOptions, PageFlow, setPrintArea } from './print-layout';
import { BODY_CELL, mergeRuns, PRINTED_COMPARATOR, THIN } from './xlsx-layout';

export interface ExportedProject {
  name: string;
  goal: string;
  indicators: TargetIndicatorDto[];
}

export interface ExportedUnit {
  name: string;
  projects: ExportedProject[];
}

const HEADER = ['单位名称、项目名称', '项目年度绩效目标', '一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '指标属性', '指标内容', '分值'];
const WIDTHS = [26, 40, 12, 16, 26, 8, 12, 10, 10, 40, 7];
/** Comparators as the official tables print them. */
/** Columns beyond the official list, written only when some indicator fills them, so an export imports back whole. */
const EXTRAS: { label: string; width: number; of: (r: TargetIndicatorDto) => string }[] = [
  { label: '指标值设置依据', width: 24, of: (r) => r.basis },
  { label: '上年完成值', width: 10, of: (r) => r.lastYearActual ?? r.lastYearActualText ?? '' },
  { label: '指标赋分规则', width: 24, of: (r) => r.scoringRule },
  { label: '佐证资料', width: 20, of: (r) => r.evidence },
];

/**
 * 项目支出绩效目标表 in the list layout of the published tables: a unit line, then each project's
 * indicators with 项目名称 / 年度绩效目标 merged over its rows and 一级 / 二级 merged over their runs;
 * A4 landscape with the header rows repeated on every page. Streamed: each project's rows are
 * written out once its merges are set.
 */
export function targetTableWorkbook(title: string, units: ExportedUnit[]): Promise<Buffer> {
  return streamedWorkbook((workbook) => {
    const all = units.flatMap((u) => u.projects.flatMap((p) => p.indicators));
    const extras = EXTRAS.filter((e) => all.some((r) => e.of(r)));
    const headers = [...HEADER, ...extras.map((e) => e.label)];
    const sheet = workbook.addWorksheet('项目支出绩效目标表', officialSheetOptions('3:4'));
    sheet.columns = [...WIDTHS, ...extras.map((e) => e.width)].map((width) => ({ width }));
    sheet.mergeCells(1, 1, 1, headers.length);
    Object.assign(sheet.getCell(1, 1), { value: title, font: { bold: true, size: 16 }, alignment: { horizontal: 'center' } });
    sheet.getCell(2, 1).value = units.length === 1 ? `单位名称：${units[0].name}` : '';
    const header = sheet.addRow(headers);
    const numbers = sheet.addRow(headers.map((_, i) => i + 1));
    for (const row of [header, numbers]) row.eachCell((cell) => Object.assign(cell, { font: { bold: row === header }, alignment: { horizontal: 'center', vertical: 'middle', wrapText: true }, border: THIN }));
    fitRowHeights(sheet, 1, numbers.number, headers.length);
    const flow = new PageFlow(sheet, headers.length, (header.height ?? 0) + (numbers.height ?? 0));
    flow.keep(1, numbers.number);

    for (const unit of units) {
      const line = sheet.addRow([unit.name]);
      for (let c = 1; c <= headers.length; c++) line.getCell(c).border = THIN;
      for (const project of unit.projects) writeProject(sheet, project, extras, headers.length, flow);
    }
    const signOff = addSignOff(sheet, headers.length);
    fitRowHeights(sheet, signOff.top, signOff.bottom, headers.length);
    flow.keep(signOff.top, signOff.bottom);
    setPrintArea(sheet, headers.length, signOff.bottom);
  });
}

function writeProject(sheet: ExcelJS.Worksheet, project: ExportedProject, extras: typeof EXTRAS, columns: number, flow: PageFlow): void {
  const rows = project.indicators.length ? project.indicators : [null];
  const written = rows.map((r, i) => {
    const row = sheet.addRow([
      i === 0 ? project.name : '',
      i === 0 ? project.goal : '',
      r?.level1 ?? '',
      r?.level2 ?? '',
      r?.name ?? '',
      r?.comparator ? PRINTED_COMPARATOR[r.comparator] : '',
      r?.value ?? '',
      r?.unit ?? '',
      r ? `${r.kind}指标` : '',
      r?.content ?? '',
      r?.weight ?? '',
      ...extras.map((e) => (r ? e.of(r) : '')),
    ]);
    row.eachCell({ includeEmpty: true }, (cell) => (cell.style = BODY_CELL));
    return row;
  });
  const first = written[0].number;
  const last = first + rows.length - 1;
  if (last > first) {
    sheet.mergeCells(first, 1, last, 1);
    sheet.mergeCells(first, 2, last, 2);
  }
  mergeRuns(sheet, first, 3, project.indicators.map((r) => r.level1));
  mergeRuns(sheet, first, 4, project.indicators.map((r) => `${r.level1}/${r.level2}`));
  fitRowHeights(sheet, first, last, columns);
  flow.keep(first, last);
  written[written.length - 1].commit();
}
