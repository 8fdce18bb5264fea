import { cellText } from './cell-text';
import { isDepartmentTargetBlock, isTitleLine } from './table-bounds';
import { COLUMN_LABELS, TableHeader, TargetColumn } from './table-headers';
import { LAYOUT_CELL_CHARS, layoutFinder, NamedLayout } from './table-layout';
import { findHeader, TableSource } from './target-table-reader';

/** The header the reader would use for a table, as the mapping screen marks it. */
export interface TableGridHeader {
  /** Its first row, 0-based in the grid's rows. */
  start: number;
  rows: number;
  /** What each column is (null: left out), as far as the last column placed. */
  columns: (TargetColumn | null)[];
  /** Rows under the header that are not read (a layout's). */
  skipRows: number;
  /** The layout it comes from (its name), when one matched; else the header was found by its words. */
  layout?: string;
  layoutId?: string;
}

/** A table as read, for the clerk who maps its columns by hand (SPEC §7). */
export interface TableGrid {
  source: string;
  /** Its first rows with text (trailing empty cells dropped, each cell clipped to 60 characters). */
  rows: string[][];
  /** The row of the source (from 1) each of `rows` is. */
  rowNumbers: number[];
  /** The header the reader would use, null when it finds none. */
  header: TableGridHeader | null;
}

export interface ColumnChoice {
  column: TargetColumn;
  label: string;
}

/** What a column can be mapped to, for a select box: every column the reader keeps, by its label. */
export const columnChoices: readonly ColumnChoice[] = Object.freeze((Object.entries(COLUMN_LABELS) as [TargetColumn, string][]).map(([column, label]) => ({ column, label })));

const DEFAULT_MAX_ROWS = 40;
/** Rows shown above a header found further down a document: its title, the unit and money lines. */
const ROWS_ABOVE = 5;

/**
 * Each source's first rows as the reader sees them, and where its header is: a layout matching
 * there, else the header its words give (the reader's own findHeader, a 部门整体绩效目标表 passed
 * over as the reader passes over it). When that header lies beyond the first rows, the rows shown
 * start a few rows above it.
 */
export function tableGrids(sources: readonly TableSource[], options: { layouts?: readonly NamedLayout[]; maxRows?: number } = {}): TableGrid[] {
  const maxRows = Math.min(Math.max(Math.trunc(options.maxRows ?? DEFAULT_MAX_ROWS) || DEFAULT_MAX_ROWS, 1), 500);
  const layouts = layoutFinder(options.layouts);
  const grids: TableGrid[] = [];
  for (const source of sources) {
    const rows = source.rows.map((row) => row.map(cellText));
    const filled = rows.flatMap((row, i) => (row.some((c) => c !== '') ? [i] : []));
    if (filled.length === 0) continue;
    const found = firstHeader(rows, layouts);
    // the header's first row among the rows with text (its rows have text: a header of no words is none)
    const at = found ? filled.findIndex((r) => r >= found.start) : -1;
    const from = found && at + found.rows > maxRows ? Math.max(0, at - Math.min(ROWS_ABOVE, Math.max(0, maxRows - found.rows))) : 0;
    const shown = filled.slice(from, from + maxRows);
    const header: TableGridHeader | null = found
      ? {
          start: at - from,
          rows: shown.filter((r) => r >= found.start && r < found.start + found.rows).length,
          columns: columnsOf(found.header),
          skipRows: found.skipRows,
          ...(found.layout ? { layout: found.layout.name, ...(found.layout.id ? { layoutId: found.layout.id } : {}) } : {}),
        }
      : null;
    grids.push({ source: source.name, rows: shown.map((r) => clipped(rows[r])), rowNumbers: shown.map((r) => r + 1), header });
  }
  return grids;
}

interface FoundHeader {
  start: number;
  rows: number;
  skipRows: number;
  header: TableHeader;
  layout?: NamedLayout;
}

/** The first header the reader would read a target table by. */
function firstHeader(rows: string[][], layouts: ReturnType<typeof layoutFinder>): FoundHeader | null {
  let titleAt = -1;
  for (let i = 0; i < rows.length; i++) {
    if (isTitleLine(rows[i])) titleAt = i;
    const layout = layouts?.(rows, i);
    if (layout) return { start: i, rows: layout.rows, skipRows: layout.skipRows, header: layout.header, layout: layout.layout };
    const found = findHeader(rows, i);
    if (!found) continue;
    if (!found.header.columns.has('project') && isDepartmentTargetBlock(rows, titleAt, i)) {
      i = found.bodyStart - 1;
      continue;
    }
    return { start: found.start, rows: found.bodyStart - found.start, skipRows: 0, header: found.header };
  }
  return null;
}

function columnsOf(header: TableHeader): (TargetColumn | null)[] {
  const columns: (TargetColumn | null)[] = [];
  for (const [column, index] of header.columns) {
    while (columns.length <= index) columns.push(null);
    columns[index] = column;
  }
  return columns;
}

function clipped(row: readonly string[]): string[] {
  let end = row.length;
  while (end > 0 && row[end - 1] === '') end--;
  return row.slice(0, end).map((c) => (c.length > LAYOUT_CELL_CHARS ? c.slice(0, LAYOUT_CELL_CHARS) : c));
}
