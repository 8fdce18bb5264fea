import ExcelJS from 'exceljs';
import { Writable } from 'node:stream';

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
type WorksheetWriter = ExcelJS.Worksheet & {
  _merges: Range[];
  mergedCells?: Set<string>;
  getCell(row: number, column: number): ExcelJS.Cell & { merge(master: ExcelJS.Cell): void };
};

/**
 * A workbook written row by row: committed rows leave memory, so a list of 8,000 projects costs
 * its zip, not its cell model. The streaming sheet checks each merge against every earlier one
 * (n² on the official lists); the check here is on the merge's own cells, as for in-memory sheets.
 */
export async function streamedWorkbook(fill: (workbook: ExcelJS.stream.xlsx.WorkbookWriter) => void): Promise<Buffer> {
  const chunks: Buffer[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      chunks.push(chunk);
      done();
    },
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = '绩效目标管理';
  fill(workbook);
  await workbook.commit();
  return Buffer.concat(chunks);
}

/** The range class exceljs writes merges with (its toString gives `A1:B2`); the package exports no type for it. */
const Dimensions = require('exceljs/lib/doc/range') as new (top: number, left: number, bottom: number, right: number) => Range;

function install(): void {
  const probe = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: new Writable({ write: (_c, _e, done) => done() }) });
  const prototype = Object.getPrototypeOf(probe.addWorksheet('probe')) as {
    mergeCells(this: WorksheetWriter, ...cells: number[]): void;
    fastMerges?: true;
  };
  if (prototype.fastMerges) return;
  prototype.fastMerges = true;
  prototype.mergeCells = function (this: WorksheetWriter, top: number, left: number, bottom: number, right: number): void {
    const range = new Dimensions(top, left, bottom, right);
    const merged = (this.mergedCells ??= new Set<string>());
    const keys: string[] = [];
    for (let i = range.top; i <= range.bottom; i++) for (let j = range.left; j <= range.right; j++) keys.push(`${i}:${j}`);
    if (keys.some((k) => merged.has(k))) throw new Error('Cannot merge already merged cells');
    const master = this.getCell(range.top, range.left);
    for (let i = range.top; i <= range.bottom; i++) {
      for (let j = range.left; j <= range.right; j++) if (i > range.top || j > range.left) this.getCell(i, j).merge(master);
    }
    for (const k of keys) merged.add(k);
    this._merges.push(range);
  };
}

install();
