import ExcelJS from 'exceljs';
import { THIN } from './xlsx-layout';

/**
 * What makes an official table print as one in LibreOffice, WPS and Excel, shared by every writer:
 * A4 landscape fitted to the width, narrow margins, 第 N 页 共 M 页 in the footer, the header rows
 * repeated, a print area, row heights sized for wrapped text (merged cells too, which no
 * spreadsheet program grows by itself) and the sign-off block that closes the form.
 */
export function officialSheetOptions(printTitlesRow?: string): Partial<ExcelJS.AddWorksheetOptions> {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.4, right: 0.4, top: 0.5, bottom: 0.6, header: 0.3, footer: 0.3 },
      ...(printTitlesRow ? { printTitlesRow } : {}),
    },
    headerFooter: { oddFooter: '&C第 &P 页 共 &N 页', evenFooter: '&C第 &P 页 共 &N 页' },
  };
}

const LINE_PER_POINT = 1.4;
const PADDING = 6;
const MIN_HEIGHT = 20;

/** Width of a text in column-width units: CJK and full-width characters take two, others one. */
export function textUnits(text: string): number {
  let units = 0;
  for (const ch of text) units += /[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u3000-\u303f\u2018-\u201d\u2026]/.test(ch) ? 2 : 1;
  return units;
}

/** Lines a text wraps to in a cell `width` column units wide, at a font size. */
export function linesIn(text: string, width: number, fontSize = 11): number {
  // a cell's padding takes about a unit; bigger type takes proportionally more room
  const capacity = Math.max(1, ((width - 1) * 0.92 * 11) / fontSize);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(textUnits(line) / capacity)), 0);
}

const heightOf = (lines: number, fontSize: number) => Math.ceil(lines * fontSize * LINE_PER_POINT + PADDING);

const textOf = (value: ExcelJS.CellValue): string => {
  if (value === null || value === undefined) return '';
  if (typeof value === 'object' && 'richText' in value) return value.richText.map((t) => t.text).join('');
  return String(value);
};

/**
 * Sets the heights of rows `top`…`bottom` for their wrapped text: each row as tall as its tallest
 * cell, then a cell merged over several rows spreads what it lacks over them. Merges must lie within
 * the rows given (a streamed sheet sizes each block before committing it).
 */
export function fitRowHeights(sheet: ExcelJS.Worksheet, top: number, bottom: number, columns: number): void {
  const width = (c: number) => (sheet.getColumn(c).hidden ? 0 : (sheet.getColumn(c).width ?? 9));
  const spans = new Map<string, { cell: ExcelJS.Cell; top: number; bottom: number; left: number; right: number }>();
  for (let r = top; r <= bottom; r++) {
    for (let c = 1; c <= columns; c++) {
      const cell = sheet.getCell(r, c);
      const master = cell.isMerged ? cell.master : cell;
      const span = spans.get(master.address);
      if (!span) spans.set(master.address, { cell: master, top: r, bottom: r, left: c, right: c });
      else Object.assign(span, { bottom: Math.max(span.bottom, r), right: Math.max(span.right, c) });
    }
  }
  const heights = new Map<number, number>();
  for (let r = top; r <= bottom; r++) heights.set(r, sheet.getRow(r).height ?? MIN_HEIGHT);
  const needed = (s: { cell: ExcelJS.Cell; left: number; right: number }) => {
    const text = textOf(s.cell.value);
    if (!text) return 0;
    const size = s.cell.font?.size ?? 11;
    let span = 0;
    for (let c = s.left; c <= s.right; c++) span += width(c);
    return heightOf(s.cell.alignment?.wrapText ? linesIn(text, span, size) : 1, size);
  };
  const tall = [...spans.values()];
  for (const s of tall) if (s.top === s.bottom) heights.set(s.top, Math.max(heights.get(s.top) ?? 0, needed(s)));
  for (const s of tall) {
    if (s.top === s.bottom) continue;
    let have = 0;
    for (let r = s.top; r <= s.bottom; r++) have += heights.get(r) ?? 0;
    const lack = needed(s) - have;
    if (lack > 0) for (let r = s.top; r <= s.bottom; r++) heights.set(r, (heights.get(r) ?? 0) + lack / (s.bottom - s.top + 1));
  }
  for (const [r, h] of heights) sheet.getRow(r).height = Math.ceil(h);
}

/** A line of notes under a table, merged over its width and wrapped so it stays on the page. */
export function addNoteRow(sheet: ExcelJS.Worksheet, text: string, columns: number): ExcelJS.Row {
  const row = sheet.addRow([text]);
  sheet.mergeCells(row.number, 1, row.number, columns);
  row.getCell(1).alignment = { vertical: 'top', wrapText: true };
  return row;
}

const SIGNATURES = ['单位负责人：', '填报人：', '联系电话：', '填报日期：'];
const OPINIONS = ['主管部门审核意见（盖章）', '财政部门审核意见（盖章）'];
const DATED = '年　　月　　日　　';

/** Columns 1…`columns` cut into `parts` runs as even as they come. */
const runs = (columns: number, parts: number) => Array.from({ length: parts }, (_, i) => [1 + Math.floor((i * columns) / parts), Math.floor(((i + 1) * columns) / parts)] as const);

/**
 * The block that ends the official form: 单位负责人 / 填报人 / 联系电话 / 填报日期, then the 主管部门
 * and 财政部门 opinion boxes with room for a seal and a date, under a blank row. Returns its rows.
 */
export function addSignOff(sheet: ExcelJS.Worksheet, columns: number): { top: number; bottom: number } {
  const blank = sheet.addRow([]);
  const signatures = sheet.addRow([]);
  runs(columns, SIGNATURES.length).forEach(([from, to], i) => {
    if (to > from) sheet.mergeCells(signatures.number, from, signatures.number, to);
    Object.assign(signatures.getCell(from), { value: SIGNATURES[i], alignment: { vertical: 'middle', wrapText: true } });
  });
  // each opinion a box of two rows: the label with room to write, then the date at its right
  const opinions = sheet.addRow([]);
  const dated = sheet.addRow([]);
  runs(columns, OPINIONS.length).forEach(([from, to], i) => {
    for (const row of [opinions, dated]) if (to > from) sheet.mergeCells(row.number, from, row.number, to);
    Object.assign(opinions.getCell(from), { value: OPINIONS[i], alignment: { vertical: 'top', wrapText: true } });
    Object.assign(dated.getCell(from), { value: DATED, alignment: { horizontal: 'right', vertical: 'middle' } });
    for (let c = from; c <= to; c++) {
      opinions.getCell(c).border = { top: THIN.top, left: THIN.left, right: THIN.right };
      dated.getCell(c).border = { bottom: THIN.bottom, left: THIN.left, right: THIN.right };
    }
  });
  blank.height = 12;
  opinions.height = 64;
  signatures.height = 28;
  return { top: blank.number, bottom: dated.number };
}

/** The print area over `columns` columns down to `lastRow`. */
export function setPrintArea(sheet: ExcelJS.Worksheet, columns: number, lastRow: number): void {
  sheet.pageSetup.printArea = `A1:${sheet.getColumn(columns).letter}${lastRow}`;
}

/**
 * Closes an in-memory official sheet: the sign-off block, every row sized for its text and the
 * print area over the printed columns.
 */
export function finishOfficialSheet(sheet: ExcelJS.Worksheet, columns: number): void {
  const signOff = addSignOff(sheet, columns);
  fitRowHeights(sheet, 1, signOff.bottom, columns);
  const flow = new PageFlow(sheet, columns, 0);
  flow.keep(1, signOff.top - 1);
  flow.keep(signOff.top, signOff.bottom);
  setPrintArea(sheet, columns, signOff.bottom);
}

/** A4 landscape inside the margins above, in points, with a little kept back for the programs' own rounding. */
const PRINTABLE = { width: (11.69 - 0.8) * 72, height: (8.27 - 1.1) * 72 * 0.95 };
/** A column-width unit in points, as LibreOffice and Excel draw the default font. */
const POINTS_PER_UNIT = 6;

/**
 * Page breaks that keep a block of rows (a project with its merged 项目名称 and 年度绩效目标) on one
 * printed page: no spreadsheet program prints a merged cell cut by a page break whole. The page
 * holds what fits at the scale that fits the columns to the paper's width.
 */
export class PageFlow {
  private used = 0;
  private readonly capacity: number;

  constructor(
    private readonly sheet: ExcelJS.Worksheet,
    columns: number,
    /** Height of the rows repeated on every page. */
    repeated: number,
  ) {
    let units = 0;
    for (let c = 1; c <= columns; c++) units += sheet.getColumn(c).hidden ? 0 : (sheet.getColumn(c).width ?? 9);
    const scale = Math.min(1, PRINTABLE.width / (units * POINTS_PER_UNIT));
    this.capacity = PRINTABLE.height / scale - repeated;
  }

  /** Rows `top`…`bottom`, already sized, start a new page when they would not fit on this one but fit on a page. */
  keep(top: number, bottom: number): void {
    let height = 0;
    for (let r = top; r <= bottom; r++) height += this.sheet.getRow(r).height ?? MIN_HEIGHT;
    if (this.used > 0 && this.used + height > this.capacity && top > 1) {
      // as Row.addPageBreak writes it (a break after row `id`), without the row, which a streamed sheet has committed
      (this.sheet as ExcelJS.Worksheet & { rowBreaks: ExcelJS.RowBreak[] }).rowBreaks.push({ id: top - 1, max: 16838, man: 1 } as ExcelJS.RowBreak);
      this.used = 0;
    }
    this.used = (this.used + height) % this.capacity;
  }
}
