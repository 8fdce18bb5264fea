import { cellText } from './cell-text';
import { COLUMN_LABELS, headerPaths, TableHeader, TARGET_COLUMNS, TargetColumn } from './table-headers';

/**
 * A table's columns mapped by hand (SPEC §7): when the reader cannot place a table's columns, the
 * clerk says which column is which; saved under a name, the mapping is used for every table that
 * arrives with the same header.
 */
export interface TableLayout {
  /** The header rows' cell texts exactly as the table shows them (one to three rows). */
  header: string[][];
  /** What column i is, or null: left out. */
  columns: (TargetColumn | null)[];
  /** Rows between the header and the first project that are skipped (a row of notes, column numbers). */
  skipRows?: number;
}

/** A layout saved for an organisation (its id), or one being tried before it is saved (no id). */
export type NamedLayout = TableLayout & { id?: string; name: string };

export const LAYOUT_LIMITS = { headerRows: 3, columns: 200, skipRows: 20, cellChars: 200 } as const;

/**
 * Header cells are compared by their first 60 characters: the mapping screen shows cells clipped
 * there (`tableGrids`), and a header taken from it must still match the whole table.
 */
export const LAYOUT_CELL_CHARS = 60;

const REQUIRED: readonly TargetColumn[] = ['level1', 'name', 'value'];
const WHITESPACE = /\s+/g;

const isTargetColumn = (value: unknown): value is TargetColumn => typeof value === 'string' && Object.prototype.hasOwnProperty.call(TARGET_COLUMNS, value);

/** One header row as compared: cells (already through cellText) without any whitespace, trailing empty cells dropped. */
function rowSignature(cells: readonly string[]): string {
  const texts = cells.map((c) => c.slice(0, LAYOUT_CELL_CHARS).replace(WHITESPACE, ''));
  let end = texts.length;
  while (end > 0 && texts[end - 1] === '') end--;
  return texts.slice(0, end).join('\t');
}

/**
 * What two headers must share to be the same layout: each cell through cellText with every space
 * removed, trailing empty cells dropped, the rows joined; however a copy spaced its cells
 * (`指 标 值`, `考核大类 ` …), the same header gives the same signature.
 */
export function layoutSignature(header: readonly (readonly string[])[]): string {
  return header.map((row) => rowSignature(row.map(cellText))).join('\n');
}

/** Why a layout cannot be used, as a sentence for the clerk; null when it can. */
export function layoutProblem(layout: TableLayout): string | null {
  return layoutFault(layout)?.message ?? null;
}

/** The same, with the part of the layout at fault (`header`, `columns` or `skipRows`), for an answer that names its field. */
export function layoutFault(layout: TableLayout): { field: 'header' | 'columns' | 'skipRows'; message: string } | null {
  const { header, columns, skipRows } = (layout ?? {}) as Partial<TableLayout>;
  const fault = (field: 'header' | 'columns' | 'skipRows', message: string) => ({ field, message });
  if (!Array.isArray(header) || header.length < 1 || header.length > LAYOUT_LIMITS.headerRows) return fault('header', `表头应为 1 至 ${LAYOUT_LIMITS.headerRows} 行`);
  for (const [r, row] of header.entries()) {
    if (!Array.isArray(row) || row.some((c) => typeof c !== 'string')) return fault('header', `表头第 ${r + 1} 行应为各列的文字`);
    if (row.length > LAYOUT_LIMITS.columns) return fault('header', `版式最多 ${LAYOUT_LIMITS.columns} 列`);
    const long = row.findIndex((c) => c.length > LAYOUT_LIMITS.cellChars);
    if (long !== -1) return fault('header', `表头第 ${r + 1} 行第 ${long + 1} 列超过 ${LAYOUT_LIMITS.cellChars} 字`);
    if (row.every((c) => cellText(c) === '')) return fault('header', `表头第 ${r + 1} 行是空的`);
  }
  if (!Array.isArray(columns) || columns.length === 0) return fault('columns', '请指明各列分别是什么');
  if (columns.length > LAYOUT_LIMITS.columns) return fault('columns', `版式最多 ${LAYOUT_LIMITS.columns} 列`);
  const placed = new Map<TargetColumn, number>();
  for (const [c, column] of columns.entries()) {
    if (column === null || column === undefined) continue;
    if (!isTargetColumn(column)) return fault('columns', `第 ${c + 1} 列的“${String(column).slice(0, 20)}”不是可选的列`);
    const before = placed.get(column);
    if (before !== undefined) return fault('columns', `“${COLUMN_LABELS[column]}”指定给了第 ${before + 1} 列和第 ${c + 1} 列，每项只能指定一列`);
    placed.set(column, c);
  }
  const missing = REQUIRED.filter((column) => !placed.has(column));
  if (missing.length) return fault('columns', `请指定${missing.map((column) => `“${COLUMN_LABELS[column]}”`).join('')}所在的列`);
  if (skipRows !== undefined && skipRows !== null && !(Number.isInteger(skipRows) && skipRows >= 0 && skipRows <= LAYOUT_LIMITS.skipRows)) {
    return fault('skipRows', `表头下跳过的行数应为 0 至 ${LAYOUT_LIMITS.skipRows} 的整数`);
  }
  return null;
}

/**
 * The header a layout gives a table: each column what the layout says; each path from the layout's
 * header rows (a mapped column under an empty header cell named by its label, a column left out by
 * its number, so that its cells are no strays); 资金总额 in 万元 or 元 as its path says.
 */
export function headerOfLayout(layout: TableLayout): TableHeader {
  const texts = headerPaths(layout.header.map((row) => row.map(cellText))).map((p) => p.join(' › '));
  const columns = new Map<TargetColumn, number>();
  const paths: string[] = [];
  for (let c = 0; c < Math.max(texts.length, layout.columns.length); c++) {
    const column = layout.columns[c] ?? null;
    if (column) columns.set(column, c);
    paths.push(texts[c] || (column ? COLUMN_LABELS[column] : c < layout.columns.length ? `第 ${c + 1} 列` : ''));
  }
  const funds = columns.get('funds');
  const fundsPath = funds === undefined ? '' : paths[funds];
  return { columns, paths, fundsScale: /万元/.test(fundsPath) ? 10000 : /元/.test(fundsPath) ? 1 : null };
}

/** A layout found at a row: its header, how many rows the header takes and how many follow it unread. */
export interface LayoutAt {
  layout: NamedLayout;
  header: TableHeader;
  rows: number;
  skipRows: number;
}

/** Finds the layout whose header starts at row i of rows (cells through cellText). */
export type LayoutFinder = (rows: readonly (readonly string[])[], i: number) => LayoutAt | null;

/**
 * The usable layouts made ready once for a reading: each header's rows compared by signature (the
 * longest header first, then the order given), each TableHeader made once; null when there are none,
 * so a reading without layouts does no work for them.
 */
export function layoutFinder(layouts: readonly NamedLayout[] | undefined): LayoutFinder | null {
  const byFirstRow = new Map<string, { at: LayoutAt; signatures: string[] }[]>();
  for (const layout of layouts ?? []) {
    if (layoutProblem(layout) !== null) continue;
    const signatures = layout.header.map((row) => rowSignature(row.map(cellText)));
    const at = { layout, header: headerOfLayout(layout), rows: layout.header.length, skipRows: layout.skipRows ?? 0 };
    const list = byFirstRow.get(signatures[0]) ?? [];
    list.push({ at, signatures });
    byFirstRow.set(signatures[0], list);
  }
  if (byFirstRow.size === 0) return null;
  for (const list of byFirstRow.values()) list.sort((a, b) => b.at.rows - a.at.rows);
  const signatures = new WeakMap<readonly string[], string>();
  const signatureOf = (row: readonly string[]) => {
    let signature = signatures.get(row);
    if (signature === undefined) signatures.set(row, (signature = rowSignature(row)));
    return signature;
  };
  return (rows, i) => {
    const candidates = byFirstRow.get(signatureOf(rows[i]));
    const match = candidates?.find((c) => c.signatures.every((s, r) => i + r < rows.length && signatureOf(rows[i + r]) === s));
    return match?.at ?? null;
  };
}
