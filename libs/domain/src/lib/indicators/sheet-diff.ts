import { IndicatorRow } from './sheet-checks';

/** The fields of a row a diff looks at, in the order the official table shows them. */
export const DIFF_FIELDS = ['comparator', 'value', 'unit', 'kind', 'weight', 'lastYearActual', 'content', 'basis', 'scoringRule', 'evidence'] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export type ComparableRow = IndicatorRow & Partial<Record<'content' | 'basis' | 'scoringRule' | 'evidence', string | null>>;

export interface RowChange {
  change: 'added' | 'removed' | 'changed';
  level1: string;
  level2: string;
  name: string;
  /** For changed rows: each field with its old and new value. */
  fields: { field: DiffField; from: string | null; to: string | null }[];
}

const keyOf = (r: ComparableRow) => `${r.level1}\u0000${r.level2}\u0000${r.name.trim()}`;
const text = (v: unknown) => (v === undefined || v === null || v === '' ? null : String(v));

/**
 * Row-level difference of two versions of a sheet. Rows are matched by 一级/二级/三级 name;
 * a renamed row shows as removed and added.
 */
export function diffRows(before: readonly ComparableRow[], after: readonly ComparableRow[]): RowChange[] {
  const old = new Map(before.map((r) => [keyOf(r), r]));
  const seen = new Set<string>();
  const changes: RowChange[] = [];
  for (const row of after) {
    const key = keyOf(row);
    seen.add(key);
    const previous = old.get(key);
    const base = { level1: row.level1, level2: row.level2, name: row.name.trim() };
    if (!previous) {
      changes.push({ change: 'added', ...base, fields: [] });
      continue;
    }
    const fields = DIFF_FIELDS.filter((f) => text(previous[f]) !== text(row[f])).map((field) => ({ field, from: text(previous[field]), to: text(row[field]) }));
    if (fields.length > 0) changes.push({ change: 'changed', ...base, fields });
  }
  for (const row of before) {
    if (!seen.has(keyOf(row))) changes.push({ change: 'removed', level1: row.level1, level2: row.level2, name: row.name.trim(), fields: [] });
  }
  return changes;
}
