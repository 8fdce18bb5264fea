import { withoutSignOffs, rowsOfText, TableSource } from '@pm/domain';
import { CellRange, readXlsxSheets, XlsxSheet } from './xlsx-sheets';
import { zipEntries } from './zip-entries';

/**
 * Reading an upload into tables of cell texts, framework-free so it runs in a worker thread:
 * every sheet of an .xlsx, or tab-separated text. Bounded: past MAX_ROWS rows with content or
 * MAX_COLUMNS columns a sheet is refused with a sentence, not read on.
 */
export const MAX_ROWS = 50_000;
export const MAX_COLUMNS = 200;
/** What a workbook may unpack to: the official tables of 3,000 projects unpack to about 20 MB. */
export const MAX_UNPACKED_BYTES = 80 * 1024 * 1024;
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** A file the clerk must fix: the sentence says how. */
export class TableReadError extends Error {}

export async function readUpload(fileName: string, content: Buffer): Promise<TableSource[]> {
  if (content.length === 0) throw new TableReadError('上传的文件是空的');
  if (content.subarray(0, 4).equals(OLE)) throw new TableReadError('这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 后再导入');
  if (content.subarray(0, 4).equals(ZIP)) return readWorkbook(content);
  if (content.subarray(0, 5).toString('latin1') === '%PDF-')
    throw new TableReadError('这是 PDF 文件，不是表格；请上传 .xlsx，或在 PDF 中选中表格复制后粘贴导入');
  if (/\.xlsx$/i.test(fileName))
    throw new TableReadError(
      '文件名是 .xlsx，但内容不是 Excel 表格（可能已损坏，或是改了扩展名的其他文件）；请在 Excel 或 WPS 中打开后另存为 .xlsx 再导入',
    );
  return [readText(fileName, decodeText(content))];
}

/**
 * The text of a table saved by a spreadsheet program: UTF-8 (with or without BOM), Excel's
 * “Unicode 文本” (UTF-16 with BOM), or “文本文件(制表符分隔)” on Chinese Windows (GBK, read as
 * GB18030, its superset). Anything else is refused rather than read as garbage.
 */
function decodeText(content: Buffer): string {
  const attempts: [string, Buffer][] = [];
  if (content[0] === 0xff && content[1] === 0xfe) attempts.push(['utf-16le', content.subarray(2)]);
  else if (content[0] === 0xfe && content[1] === 0xff) attempts.push(['utf-16be', content.subarray(2)]);
  else attempts.push(['utf-8', content], ['gb18030', content]);
  for (const [encoding, bytes] of attempts) {
    try {
      const text = new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
      if (!hasControlCharacters(text)) return text;
    } catch {
      // not this encoding
    }
  }
  throw new TableReadError(UNREADABLE);
}

/** C0 control characters other than tab and line breaks: a binary file, not a table. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d) return true;
  }
  return false;
}

const UNREADABLE = '文件不是 .xlsx 表格，也不是可识别编码（UTF-8、UTF-16、GBK）的文本；请上传 .xlsx，或将表格另存为制表符分隔的文本';

export function readText(name: string, content: Buffer | string): TableSource {
  const text = typeof content === 'string' ? content : content.toString('utf8');
  if (text.includes('\uFFFD') || text.includes('\u0000')) throw new TableReadError(UNREADABLE);
  if (text.trim() === '') throw new TableReadError('上传的内容是空的');
  const rows = rowsOfText(text);
  if (rows.length > MAX_ROWS) throw new TableReadError(`粘贴的表格超过 ${MAX_ROWS.toLocaleString('en-US')} 行，请拆分后分次导入`);
  if (rows.some((r) => r.length > MAX_COLUMNS)) throw new TableReadError(`粘贴的表格超过 ${MAX_COLUMNS} 列，请只复制绩效目标表的区域`);
  return { name, rows: withoutSignOffs(rows) };
}

const DAMAGED = '无法读取该 .xlsx 文件：文件已损坏或不是 Excel 表格';

function readWorkbook(content: Buffer): TableSource[] {
  const parts = zipEntries(content);
  if (!parts) throw new TableReadError(DAMAGED);
  if (parts.reduce((sum, p) => sum + p.size, 0) > MAX_UNPACKED_BYTES) {
    throw new TableReadError(
      `表格展开后超过 ${MAX_UNPACKED_BYTES / 1024 / 1024} MB（常见原因：整列设置了格式或有大量空行），请删除多余的行、列和格式，或拆分后再导入`,
    );
  }
  const sheets = readXlsxSheets(content, parts);
  if (!sheets) throw new TableReadError(DAMAGED);
  return sheets.map(tableOfSheet);
}

/**
 * A sheet as rows of texts, as wide as its widest row with text. Merged cells read as their
 * master cell, as the official layouts merge 项目名称 and 一级/二级; rows without text are empty rows.
 */
function tableOfSheet(sheet: XlsxSheet): TableSource {
  for (const range of sheet.merges) spreadMerge(sheet.cells, range);
  if (sheet.cells.size > MAX_ROWS)
    throw new TableReadError(`工作表“${sheet.name}”超过 ${MAX_ROWS.toLocaleString('en-US')} 行，请拆分后分次导入`);
  let width = 0;
  let height = 0;
  for (const [number, row] of sheet.cells) {
    const last = Math.max(...row.keys());
    if (last > MAX_COLUMNS)
      throw new TableReadError(`工作表“${sheet.name}”第 ${number} 行超过 ${MAX_COLUMNS} 列，请只保留绩效目标表的区域`);
    width = Math.max(width, last);
    height = Math.max(height, number);
  }
  const rows = Array.from({ length: height }, () => new Array<string>(width).fill(''));
  for (const [number, row] of sheet.cells) for (const [column, text] of row) rows[number - 1][column - 1] = text;
  return { name: sheet.name, rows: withoutSignOffs(rows) };
}

/** Every cell of a merged range shows its master's text (a range past the limits is cut at them: the sheet is refused there anyway). */
function spreadMerge(cells: XlsxSheet['cells'], range: CellRange): void {
  const master = cells.get(range.top)?.get(range.left);
  const bottom = Math.min(range.bottom, range.top + MAX_ROWS);
  const right = Math.min(range.right, MAX_COLUMNS + 1);
  for (let r = range.top; r <= bottom; r++) {
    let row = cells.get(r);
    if (!row && master === undefined) continue;
    if (!row) cells.set(r, (row = new Map()));
    for (let c = range.left; c <= right; c++) {
      if (r === range.top && c === range.left) continue;
      if (master === undefined) row.delete(c);
      else row.set(c, master);
    }
    if (row.size === 0) cells.delete(r);
  }
}
