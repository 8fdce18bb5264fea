import { AuditEntryDto } from '@pm/api-contract';
import { auditTime } from '@pm/domain';
import ExcelJS from 'exceljs';
import { streamedWorkbook } from './streamed-workbook';
import { officialSheetOptions } from './print-layout';
import { BODY_CELL, THIN } from './xlsx-layout';

const COLUMNS: [string, number, (e: AuditEntryDto) => string][] = [
  ['时间', 20, (e) => auditTime(e.at)],
  ['操作人', 14, (e) => e.actor ?? ''],
  ['对象类型', 16, (e) => e.entityLabel],
  ['对象', 30, (e) => e.objectName ?? ''],
  ['所属单位', 26, (e) => e.organizationName ?? ''],
  ['操作', 14, (e) => e.actionLabel],
  ['内容', 30, (e) => e.fieldLabel ?? ''],
  ['原值', 36, (e) => e.oldText ?? ''],
  ['新值', 36, (e) => e.newText ?? ''],
];

const HEAD: Partial<ExcelJS.Style> = Object.freeze({ border: THIN, font: { bold: true }, alignment: { horizontal: 'center' as const, vertical: 'middle' as const } });

/**
 * 变更记录 as a list: a title, the filters it was taken with (and a line when the rows were cut at
 * the limit), then one row per entry in words, newest first. Streamed, a row at a time.
 */
export function auditLogWorkbook(title: string, filters: string, entries: AuditEntryDto[], cutNote: string | null): Promise<Buffer> {
  return streamedWorkbook((workbook) => {
    const sheet = workbook.addWorksheet('变更记录', { ...officialSheetOptions('4:4'), views: [{ state: 'frozen', ySplit: 4 }] });
    sheet.columns = COLUMNS.map(([, width]) => ({ width }));
    const lines = [title, filters, cutNote ?? ''];
    lines.forEach((text, i) => {
      sheet.mergeCells(i + 1, 1, i + 1, COLUMNS.length);
      Object.assign(sheet.getCell(i + 1, 1), { value: text, font: i === 0 ? { bold: true, size: 16 } : { color: { argb: i === 2 ? 'FFC00000' : 'FF595959' } } });
    });
    const head = sheet.addRow(COLUMNS.map(([name]) => name));
    for (let c = 1; c <= COLUMNS.length; c++) head.getCell(c).style = HEAD;
    head.commit();
    for (const entry of entries) {
      const row = sheet.addRow(COLUMNS.map(([, , value]) => value(entry)));
      for (let c = 1; c <= COLUMNS.length; c++) row.getCell(c).style = BODY_CELL;
      row.commit();
    }
  });
}
