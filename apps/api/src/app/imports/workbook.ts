import { rowsOfText, TableSource } from '@pm/domain';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { badRequest } from '../common/api-error';

export const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const OLE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0]);

/** An uploaded file as tables of cell texts: every sheet of an .xlsx, or tab-separated text. */
export async function sourcesOfUpload(fileName: string, content: Buffer): Promise<TableSource[]> {
  if (content.length === 0) throw badRequest('上传的文件是空的');
  if (content.subarray(0, 4).equals(OLE)) throw badRequest('这是旧版 Excel（.xls）文件，请在 Excel 中“另存为” .xlsx 后再导入');
  if (content.subarray(0, 4).equals(ZIP)) return sourcesOfWorkbook(content);
  return [sourceOfText(fileName, content)];
}

export function sourceOfText(name: string, content: Buffer | string): TableSource {
  const text = typeof content === 'string' ? content : content.toString('utf8');
  if (text.includes('\uFFFD') || text.includes('\u0000')) throw badRequest('文件不是 UTF-8 文本，也不是 .xlsx 表格；请上传 .xlsx，或将表格另存为 UTF-8 编码的制表符分隔文本');
  if (text.trim() === '') throw badRequest('上传的内容是空的');
  return { name, rows: rowsOfText(text) };
}

async function sourcesOfWorkbook(content: Buffer): Promise<TableSource[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(content as unknown as ArrayBuffer);
  } catch {
    throw badRequest('无法读取该 .xlsx 文件：文件已损坏或不是 Excel 表格');
  }
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    const width = sheet.columnCount; // computed over every row by exceljs: read it once
    // merged cells read as their master cell, as the official layouts merge 项目名称 and 一级/二级
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(shownText(row.getCell(c)));
      rows[number - 1] = cells;
    });
    return { name: sheet.name, rows: Array.from(rows, (r) => r ?? []) };
  });
}

/** A number formatted as a percentage shows as one (0.95 → 95%), as the clerk typed it. */
function shownText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (typeof value === 'number' && cell.numFmt?.includes('%')) return `${new Decimal(value).times(100).toFixed()}%`;
  return cellText(value);
}

/** The text a clerk sees in a cell: cached formula results, rich text joined, numbers as written. */
export function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as { result?: ExcelJS.CellValue }).result ?? null);
  if ('text' in value) return String(value.text);
  return '';
}
