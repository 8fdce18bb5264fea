import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { TargetIndicatorDto } from '@pm/api-contract';
import { EntityManager } from 'typeorm';
import { badRequest } from '../common/api-error';
import { ColumnOf, insertAll } from '../database/insert-all';
import { toIndicatorColumns } from './sheet-rows';
import { TargetIndicator } from './target-indicator.entity';

export interface SheetRows {
  sheetId: string;
  /** The rows in order; a row carrying the id of one of this sheet's rows keeps it. */
  rows: TargetIndicatorDto[];
}

/** The stored columns of a row, one definition for the update and the insert. */
const COLUMNS: ColumnOf<Partial<TargetIndicator>>[] = [
  ['sheet_id', 'uuid', (r) => r.sheetId],
  ['position', 'int', (r) => r.position],
  ['level1', 'varchar', (r) => r.level1],
  ['level2', 'varchar', (r) => r.level2],
  ['name', 'varchar', (r) => r.name],
  ['comparator', 'varchar', (r) => r.comparator ?? null],
  ['value', 'varchar', (r) => r.value],
  ['value_number', 'numeric', (r) => r.valueNumber ?? null],
  ['unit', 'varchar', (r) => r.unit],
  ['kind', 'varchar', (r) => r.kind],
  ['content', 'text', (r) => r.content ?? ''],
  ['basis', 'text', (r) => r.basis ?? ''],
  ['last_year_actual', 'numeric', (r) => r.lastYearActual ?? null],
  ['last_year_actual_text', 'varchar', (r) => r.lastYearActualText ?? null],
  ['weight', 'numeric', (r) => r.weight ?? null],
  ['scoring_rule', 'text', (r) => r.scoringRule ?? ''],
  ['evidence', 'text', (r) => r.evidence ?? ''],
];

/** A new row's id is made here, so the written rows are known without reading them back. */
const INSERT_COLUMNS: ColumnOf<Partial<TargetIndicator>>[] = [['id', 'uuid', (r) => r.id], ...COLUMNS];

/** A row as it is read (TargetIndicatorDto): decimals as PostgreSQL prints them, without trailing zeros. */
const READ_FIELDS: [key: keyof TargetIndicatorDto, sql: string][] = [
  ['id', 'i.id'],
  ['level1', 'i.level1'],
  ['level2', 'i.level2'],
  ['name', 'i.name'],
  ['comparator', 'i.comparator'],
  ['value', 'i.value'],
  ['unit', 'i.unit'],
  ['kind', 'i.kind'],
  ['content', 'i.content'],
  ['basis', 'i.basis'],
  ['lastYearActual', 'trim_scale(i.last_year_actual)::text'],
  ['lastYearActualText', 'i.last_year_actual_text'],
  ['weight', 'trim_scale(i.weight)::text'],
  ['scoringRule', 'i.scoring_rule'],
  ['evidence', 'i.evidence'],
];

/** SQL for the rows of the sheet `sheetId` (an SQL expression) as one JSON array in order, for a read that is one query. */
export function rowsAsJson(sheetId: string): string {
  const fields = READ_FIELDS.map(([key, sql]) => `'${key}', ${sql}`).join(', ');
  return `(SELECT coalesce(json_agg(json_build_object(${fields}) ORDER BY i.position), '[]'::json) FROM target_indicators i WHERE i.sheet_id = ${sheetId})`;
}

/**
 * The rows of target sheets. A write keeps each indicator's identity: rows that carry their id are
 * updated in place, rows without one are inserted, rows left out are deleted — set-based, a few
 * statements for any number of sheets (the importer writes 30,000 rows through it).
 */
@Injectable()
export class IndicatorRowsStore {
  async rowsOf(db: EntityManager, sheetId: string): Promise<TargetIndicatorDto[]> {
    return (await this.rowsOfSheets(db, [sheetId])).get(sheetId) ?? [];
  }

  async rowsOfSheets(db: EntityManager, sheetIds: string[]): Promise<Map<string, TargetIndicatorDto[]>> {
    const bySheet = new Map<string, TargetIndicatorDto[]>();
    if (sheetIds.length === 0) return bySheet;
    // Plain rows, decimals as PostgreSQL prints them without trailing zeros: an export reads 30,000 of them at once.
    const fields = READ_FIELDS.map(([key, sql]) => `${sql} AS "${key}"`).join(', ');
    const rows: (TargetIndicatorDto & { sheetId: string })[] = await db.query(
      `SELECT i.sheet_id AS "sheetId", ${fields} FROM target_indicators i WHERE i.sheet_id = ANY($1::uuid[]) ORDER BY i.sheet_id, i.position`,
      [sheetIds],
    );
    for (const { sheetId, ...row } of rows) {
      const list = bySheet.get(sheetId) ?? [];
      list.push(row);
      bySheet.set(sheetId, list);
    }
    return bySheet;
  }

  /**
   * Writes the rows of each sheet; 400 (row-tied) for an id that is not one of that sheet's rows.
   * Given the rows as they were (`before`, read in the same transaction), a kept row that is
   * unchanged is not written again and nothing is deleted when every row is kept.
   * Answers each sheet's rows as stored (columns, new rows with their ids), in order.
   */
  async write(db: EntityManager, sheets: SheetRows[], before?: Map<string, TargetIndicatorDto[]>): Promise<Map<string, Partial<TargetIndicator>[]>> {
    const written = new Map<string, Partial<TargetIndicator>[]>();
    if (sheets.length === 0) return written;
    const sheetIds = sheets.map((s) => s.sheetId);
    const stored = new Map<string, Partial<TargetIndicator>>();
    for (const [sheetId, rows] of before ?? []) rows.forEach((row, i) => stored.set(row.id as string, toIndicatorColumns(sheetId, row, i + 1)));
    const owner = before
      ? new Map([...stored].map(([id, row]) => [id, row.sheetId as string]))
      : new Map<string, string>(
          (await db.query(`SELECT id, sheet_id FROM target_indicators WHERE sheet_id = ANY($1::uuid[])`, [sheetIds])).map((r: { id: string; sheet_id: string }) => [r.id, r.sheet_id]),
        );
    const kept: Partial<TargetIndicator>[] = [];
    const changed: Partial<TargetIndicator>[] = [];
    const fresh: Partial<TargetIndicator>[] = [];
    for (const sheet of sheets) {
      const seen = new Set<string>();
      const inOrder: Partial<TargetIndicator>[] = [];
      written.set(sheet.sheetId, inOrder);
      sheet.rows.forEach((row, i) => {
        if (row.id && (owner.get(row.id) !== sheet.sheetId || seen.has(row.id))) {
          const message = `第 ${i + 1} 行：${seen.has(row.id) ? '与前面的行是同一条指标（编号重复）' : '指标编号不属于本表，可能已被删除，请刷新后重试'}`;
          throw badRequest(message, [{ row: i + 1, field: 'id', message }]);
        }
        const columns = toIndicatorColumns(sheet.sheetId, row, i + 1);
        inOrder.push(columns);
        if (!row.id) {
          columns.id = randomUUID();
          return void fresh.push(columns);
        }
        seen.add(row.id);
        kept.push(columns);
        const was = stored.get(row.id);
        if (!was || COLUMNS.some(([, , of]) => String(of(was)) !== String(of(columns)))) changed.push(columns);
      });
    }
    if (!before || kept.length < owner.size) {
      await db.query(`DELETE FROM target_indicators WHERE sheet_id = ANY($1::uuid[]) AND NOT (id = ANY($2::uuid[]))`, [sheetIds, kept.map((r) => r.id)]);
    }
    if (changed.length > 0) {
      const columns = COLUMNS.filter(([name]) => name !== 'sheet_id');
      await db.query(
        `UPDATE target_indicators t SET ${columns.map(([name]) => `${name} = u.${name}`).join(', ')}
         FROM unnest($1::uuid[], ${columns.map(([, type], i) => `$${i + 2}::${type}[]`).join(', ')}) AS u(id, ${columns.map(([name]) => name).join(', ')})
         WHERE t.id = u.id`,
        [changed.map((r) => r.id), ...columns.map(([, , of]) => changed.map(of))],
      );
    }
    await insertAll(db, 'target_indicators', INSERT_COLUMNS, fresh);
    return written;
  }
}
