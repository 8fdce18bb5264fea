import { IndicatorRow } from './sheet-checks';

/** The fields of a row a diff looks at, in the order the official table shows them. */
export const DIFF_FIELDS = ['level1', 'level2', 'name', 'comparator', 'value', 'unit', 'kind', 'weight', 'lastYearActual', 'content', 'basis', 'scoringRule', 'evidence'] as const;
export type DiffField = (typeof DIFF_FIELDS)[number];

export type ComparableRow = IndicatorRow & { id?: string | null } & Partial<Record<'content' | 'basis' | 'scoringRule' | 'evidence', string | null>>;

export interface RowChange {
  change: 'added' | 'removed' | 'changed';
  /** The indicator's stable id, when the rows carry one. */
  indicatorId: string | null;
  level1: string;
  level2: string;
  name: string;
  /** For changed rows: each field with its old and new value. */
  fields: { field: DiffField; from: string | null; to: string | null }[];
}

const nameKey = (r: ComparableRow) => `${r.level1}\u0000${r.level2}\u0000${r.name.trim()}`;
const text = (v: unknown) => (v === undefined || v === null || v === '' ? null : String(v).trim() || null);

/**
 * Row-level difference of two versions of a sheet. Rows are matched by their stable id when both
 * carry one (so a renamed or moved indicator is one change), else by 一级/二级/三级 name; the order
 * of the rows is not a change.
 */
export function diffRows(before: readonly ComparableRow[], after: readonly ComparableRow[]): RowChange[] {
  const byId = new Map(before.filter((r) => r.id).map((r) => [r.id as string, r]));
  const byName = new Map(before.map((r) => [nameKey(r), r]));
  const matched = new Set<ComparableRow>();
  const changes: RowChange[] = [];
  for (const row of after) {
    const candidate = (row.id ? byId.get(row.id) : undefined) ?? byName.get(nameKey(row));
    const previous = candidate && !matched.has(candidate) && (!row.id || !candidate.id || candidate.id === row.id) ? candidate : undefined;
    const base = { indicatorId: row.id ?? previous?.id ?? null, level1: row.level1, level2: row.level2, name: row.name.trim() };
    if (!previous) {
      changes.push({ change: 'added', ...base, fields: [] });
      continue;
    }
    matched.add(previous);
    const fields = DIFF_FIELDS.filter((f) => text(previous[f]) !== text(row[f])).map((field) => ({ field, from: text(previous[field]), to: text(row[field]) }));
    if (fields.length > 0) changes.push({ change: 'changed', ...base, fields });
  }
  for (const row of before) {
    if (!matched.has(row)) changes.push({ change: 'removed', indicatorId: row.id ?? null, level1: row.level1, level2: row.level2, name: row.name.trim(), fields: [] });
  }
  return changes;
}
