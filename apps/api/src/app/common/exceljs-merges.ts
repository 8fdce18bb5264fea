import ExcelJS from 'exceljs';

interface Range {
  top: number;
  left: number;
  bottom: number;
  right: number;
}
type Sheet = ExcelJS.Worksheet & { _merges: Record<string, Range>; findCell(row: number, column: number): ExcelJS.Cell | undefined };

/**
 * exceljs checks each new merge against every merge already on the sheet, so a sheet of n merges
 * costs n² — the official tables merge 项目名称 and 一级/二级 on every project, and 8,000 projects
 * took minutes to export (and as long to read back). The same check, done on the new range's own
 * cells (a cell already merged is a merge slave or a master), costs the merge's area instead.
 * Installed once for every workbook this process reads or writes.
 */
function install(): void {
  const prototype = Object.getPrototypeOf(new ExcelJS.Workbook().addWorksheet('probe')) as { _mergeCellsInternal(this: Sheet, d: Range, ignoreStyle?: boolean): void; fastMerges?: true };
  if (prototype.fastMerges) return;
  prototype.fastMerges = true;
  prototype._mergeCellsInternal = function (this: Sheet, dimensions: Range, ignoreStyle?: boolean): void {
    for (let i = dimensions.top; i <= dimensions.bottom; i++) {
      for (let j = dimensions.left; j <= dimensions.right; j++) {
        const cell = this.findCell(i, j);
        if (cell && (cell.type === ExcelJS.ValueType.Merge || this._merges[cell.address])) throw new Error('Cannot merge already merged cells');
      }
    }
    const master = this.getCell(dimensions.top, dimensions.left);
    for (let i = dimensions.top; i <= dimensions.bottom; i++) {
      for (let j = dimensions.left; j <= dimensions.right; j++) {
        if (i > dimensions.top || j > dimensions.left) (this.getCell(i, j) as ExcelJS.Cell & { merge(master: ExcelJS.Cell, ignoreStyle?: boolean): void }).merge(master, ignoreStyle);
      }
    }
    this._merges[master.address] = dimensions;
  };
}

install();
