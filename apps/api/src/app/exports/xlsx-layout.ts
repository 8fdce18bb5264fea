import ExcelJS from 'exceljs';
import '../common/exceljs-merges';

/** What the official tables share: thin borders on every cell, comparators as printed, merged runs. */
export const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * The style of a body cell, one object shared by every such cell: exceljs keys styles by object,
 * so a shared one is looked up once instead of serialised per cell (a third of a long export's time).
 * Never mutate it through a cell; give a cell a style of its own instead.
 */
export const BODY_CELL: Partial<ExcelJS.Style> = Object.freeze({ border: THIN, alignment: { vertical: 'middle' as const, wrapText: true } });

/** Comparators as the official tables print them (`>=`); 定性 stays a word so an export imports back whole. */
export const PRINTED_COMPARATOR: Record<string, string> = { '≥': '>=', '≤': '<=', '>': '>', '<': '<', '=': '=', 定性: '定性' };

/** Consecutive rows with the same key share one merged cell in `column`, as 一级 / 二级 do. */
export function mergeRuns(sheet: ExcelJS.Worksheet, firstRow: number, column: number, keys: readonly string[]): void {
  let start = 0;
  for (let i = 1; i <= keys.length; i++) {
    if (i < keys.length && keys[i] === keys[start]) continue;
    if (i - 1 > start) sheet.mergeCells(firstRow + start, column, firstRow + i - 1, column);
    start = i;
  }
}
