import { randomUUID } from 'node:crypto';
import { MigrationInterface, QueryRunner } from 'typeorm';

interface SnapshotRow {
  id?: string;
  level1: string;
  level2: string;
  name: string;
  [field: string]: unknown;
}
interface OldVersion {
  id: string;
  document_id: string;
  number: number;
  action: string;
  status_after: string;
  actor_id: string;
  actor_role: string;
  at: Date;
  comment: string | null;
  review_grade: string | null;
  ratings: unknown;
  row_comments: { row: number; message: string }[] | null;
  snapshot: { indicators?: SnapshotRow[] } & Record<string, unknown>;
}

const key = (r: { level1: string; level2: string; name: string }) => `${r.level1}\u0000${r.level2}\u0000${r.name.trim()}`;

/** Gives each row of a snapshot the id of the current row with the same 一级/二级/三级 (or a new one). */
function withIds(rows: SnapshotRow[] | undefined, current: { id: string; level1: string; level2: string; name: string }[]): SnapshotRow[] {
  const pool = new Map<string, string[]>();
  for (const r of current) pool.set(key(r), [...(pool.get(key(r)) ?? []), r.id]);
  return (rows ?? []).map((r) => ({ id: r.id ?? pool.get(key(r))?.shift() ?? randomUUID(), ...r }));
}

/**
 * One review chain for every document: one append-only version history (`document_versions`)
 * replacing `sheet_versions` and `department_target_versions`, the common review columns on
 * department targets, stable indicator ids in every snapshot and department target, row comments
 * anchored to indicator ids, positions that can be reordered in place, and past results linked to
 * their project and indicator.
 */
export class ReviewChain1764600000000 implements MigrationInterface {
  name = 'ReviewChain1764600000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE document_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_kind varchar(30) NOT NULL,
        document_id uuid NOT NULL,
        number int NOT NULL,
        action varchar(20) NOT NULL,
        status_after varchar(30) NOT NULL,
        actor_id uuid NOT NULL CONSTRAINT document_versions_actor_id_fkey REFERENCES users (id),
        actor_role varchar(30) NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        comment text NULL,
        review_grade varchar(2) NULL,
        ratings jsonb NULL,
        row_comments jsonb NULL,
        snapshot jsonb NOT NULL,
        CONSTRAINT document_versions_number UNIQUE (document_kind, document_id, number)
      )`);
    await db.query(`CREATE TRIGGER document_versions_append_only BEFORE UPDATE OR DELETE ON document_versions FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite()`);

    // department targets: the review columns every reviewed document has; indicator rows get ids
    await db.query(`ALTER TABLE department_targets ALTER COLUMN status TYPE varchar(30)`);
    await db.query(`ALTER TABLE department_targets ADD COLUMN returned_version_id uuid NULL, ADD COLUMN in_force_version_id uuid NULL`);
    await db.query(`
      UPDATE department_targets SET indicators = coalesce(
        (SELECT jsonb_agg(CASE WHEN e ? 'id' THEN e ELSE jsonb_build_object('id', gen_random_uuid()) || e END ORDER BY n) FROM jsonb_array_elements(indicators) WITH ORDINALITY AS x(e, n)), '[]')`);

    const sheetRows: { id: string; sheet_id: string; level1: string; level2: string; name: string }[] = await db.query(`SELECT id, sheet_id, level1, level2, name FROM target_indicators ORDER BY sheet_id, position`);
    const bySheet = new Map<string, typeof sheetRows>();
    for (const r of sheetRows) bySheet.set(r.sheet_id, [...(bySheet.get(r.sheet_id) ?? []), r]);
    const sheetVersions: OldVersion[] = await db.query(`SELECT id, sheet_id AS document_id, number, action, status_after, actor_id, actor_role, at, comment, review_grade, ratings, row_comments, snapshot FROM sheet_versions ORDER BY sheet_id, number`);
    for (const v of sheetVersions) await this.copy(db, 'target_sheet', v, bySheet.get(v.document_id) ?? []);

    const departmentRows: { id: string; indicators: SnapshotRow[] }[] = await db.query(`SELECT id, indicators FROM department_targets`);
    const byTarget = new Map(departmentRows.map((t) => [t.id, t.indicators.map((r) => ({ id: r.id as string, level1: r.level1, level2: r.level2, name: r.name }))]));
    const departmentVersions: OldVersion[] = await db.query(`
      SELECT v.id, v.target_id AS document_id, v.number, v.action, v.status_after, v.actor_id, u.role AS actor_role, v.at, v.comment, NULL AS review_grade, NULL AS ratings, NULL AS row_comments, v.snapshot
      FROM department_target_versions v JOIN users u ON u.id = v.actor_id ORDER BY v.target_id, v.number`);
    for (const v of departmentVersions) await this.copy(db, 'department_target', v, byTarget.get(v.document_id) ?? []);

    await db.query(`
      UPDATE department_targets t SET
        returned_version_id = CASE WHEN t.status = 'draft' AND t.last_comment IS NOT NULL
          THEN (SELECT v.id FROM document_versions v WHERE v.document_kind = 'department_target' AND v.document_id = t.id AND v.action = 'return' ORDER BY v.number DESC LIMIT 1) END,
        in_force_version_id = (SELECT v.id FROM document_versions v WHERE v.document_kind = 'department_target' AND v.document_id = t.id AND v.action = 'approve' ORDER BY v.number DESC LIMIT 1)`);
    await db.query(`ALTER TABLE department_targets DROP COLUMN last_comment`);
    await db.query(`ALTER TABLE department_targets ADD CONSTRAINT department_targets_returned_fkey FOREIGN KEY (returned_version_id) REFERENCES document_versions (id)`);
    await db.query(`ALTER TABLE department_targets ADD CONSTRAINT department_targets_in_force_fkey FOREIGN KEY (in_force_version_id) REFERENCES document_versions (id)`);

    await db.query(`ALTER TABLE target_sheets DROP CONSTRAINT target_sheets_in_force_fkey, DROP CONSTRAINT target_sheets_returned_fkey`);
    await db.query(`ALTER TABLE target_sheets ADD CONSTRAINT target_sheets_in_force_fkey FOREIGN KEY (in_force_version_id) REFERENCES document_versions (id)`);
    await db.query(`ALTER TABLE target_sheets ADD CONSTRAINT target_sheets_returned_fkey FOREIGN KEY (returned_version_id) REFERENCES document_versions (id)`);
    await db.query(`DROP TABLE sheet_versions`);
    await db.query(`DROP TABLE department_target_versions`);

    // a save updates rows in place: positions may pass through each other inside the transaction
    await db.query(`ALTER TABLE target_indicators DROP CONSTRAINT target_indicators_sheet_position`);
    await db.query(`ALTER TABLE target_indicators ADD CONSTRAINT target_indicators_sheet_position UNIQUE (sheet_id, position) DEFERRABLE INITIALLY DEFERRED`);

    await db.query(`ALTER TABLE indicator_results ADD COLUMN project_id uuid NULL CONSTRAINT indicator_results_project_id_fkey REFERENCES projects (id) ON DELETE SET NULL`);
    await db.query(`ALTER TABLE indicator_results ADD COLUMN indicator_id uuid NULL CONSTRAINT indicator_results_indicator_id_fkey REFERENCES target_indicators (id) ON DELETE SET NULL`);
    await db.query(`CREATE INDEX indicator_results_indicator ON indicator_results (indicator_id)`);
    await db.query(`UPDATE indicator_results r SET project_id = p.id FROM projects p WHERE p.unit_id = r.unit_id AND p.fiscal_year = r.fiscal_year AND p.name = r.project_name`);
    await db.query(`
      UPDATE indicator_results r SET indicator_id = (
        SELECT i.id FROM target_sheets s JOIN target_indicators i ON i.sheet_id = s.id
        WHERE s.project_id = r.project_id AND i.name = r.name AND i.level1 = r.level1 ORDER BY i.position LIMIT 1)
      WHERE r.project_id IS NOT NULL`);
  }

  private async copy(db: QueryRunner, kind: string, v: OldVersion, current: { id: string; level1: string; level2: string; name: string }[]): Promise<void> {
    const indicators = withIds(v.snapshot.indicators, current);
    const rowComments = v.row_comments?.map((c) => ({ indicatorId: indicators[c.row - 1]?.id ?? null, row: c.row, message: c.message })) ?? null;
    await db.query(
      `INSERT INTO document_versions (id, document_kind, document_id, number, action, status_after, actor_id, actor_role, at, comment, review_grade, ratings, row_comments, snapshot)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)`,
      [v.id, kind, v.document_id, v.number, v.action, v.status_after, v.actor_id, v.actor_role, v.at, v.comment, v.review_grade, v.ratings === null ? null : JSON.stringify(v.ratings), rowComments === null ? null : JSON.stringify(rowComments), JSON.stringify({ ...v.snapshot, indicators })],
    );
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP INDEX indicator_results_indicator`);
    await db.query(`ALTER TABLE indicator_results DROP COLUMN indicator_id, DROP COLUMN project_id`);
    await db.query(`ALTER TABLE target_indicators DROP CONSTRAINT target_indicators_sheet_position`);
    await db.query(`ALTER TABLE target_indicators ADD CONSTRAINT target_indicators_sheet_position UNIQUE (sheet_id, position)`);

    await db.query(`
      CREATE TABLE sheet_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sheet_id uuid NOT NULL REFERENCES target_sheets (id),
        number int NOT NULL,
        action varchar(20) NOT NULL,
        status_after varchar(30) NOT NULL,
        actor_id uuid NOT NULL REFERENCES users (id),
        actor_role varchar(30) NOT NULL,
        at timestamptz NOT NULL DEFAULT now(),
        comment text NULL,
        review_grade varchar(2) NULL,
        ratings jsonb NULL,
        row_comments jsonb NULL,
        snapshot jsonb NOT NULL,
        CONSTRAINT sheet_versions_number UNIQUE (sheet_id, number)
      )`);
    await db.query(`
      INSERT INTO sheet_versions (id, sheet_id, number, action, status_after, actor_id, actor_role, at, comment, review_grade, ratings, row_comments, snapshot)
      SELECT id, document_id, number, action, status_after, actor_id, actor_role, at, comment, review_grade, ratings,
        (SELECT jsonb_agg(jsonb_build_object('row', c->'row', 'message', c->'message')) FROM jsonb_array_elements(row_comments) c WHERE c ? 'row'),
        snapshot
      FROM document_versions WHERE document_kind = 'target_sheet'`);
    await db.query(`CREATE TRIGGER sheet_versions_append_only BEFORE UPDATE OR DELETE ON sheet_versions FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite()`);
    await db.query(`
      CREATE TABLE department_target_versions (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        target_id uuid NOT NULL CONSTRAINT department_target_versions_target_id_fkey REFERENCES department_targets (id),
        number int NOT NULL,
        action varchar(20) NOT NULL,
        status_after varchar(20) NOT NULL,
        actor_id uuid NOT NULL CONSTRAINT department_target_versions_actor_id_fkey REFERENCES users (id),
        at timestamptz NOT NULL DEFAULT now(),
        comment text NULL,
        snapshot jsonb NOT NULL,
        CONSTRAINT department_target_versions_number UNIQUE (target_id, number)
      )`);
    await db.query(`
      INSERT INTO department_target_versions (id, target_id, number, action, status_after, actor_id, at, comment, snapshot)
      SELECT id, document_id, number, action, status_after, actor_id, at, comment, snapshot FROM document_versions WHERE document_kind = 'department_target'`);
    await db.query(`CREATE TRIGGER department_target_versions_append_only BEFORE UPDATE OR DELETE ON department_target_versions FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite()`);

    await db.query(`ALTER TABLE target_sheets DROP CONSTRAINT target_sheets_in_force_fkey, DROP CONSTRAINT target_sheets_returned_fkey`);
    await db.query(`ALTER TABLE target_sheets ADD CONSTRAINT target_sheets_in_force_fkey FOREIGN KEY (in_force_version_id) REFERENCES sheet_versions (id)`);
    await db.query(`ALTER TABLE target_sheets ADD CONSTRAINT target_sheets_returned_fkey FOREIGN KEY (returned_version_id) REFERENCES sheet_versions (id)`);

    await db.query(`ALTER TABLE department_targets ADD COLUMN last_comment text NULL`);
    await db.query(`UPDATE department_targets t SET last_comment = v.comment FROM document_versions v WHERE v.id = t.returned_version_id`);
    await db.query(`ALTER TABLE department_targets DROP CONSTRAINT department_targets_returned_fkey, DROP CONSTRAINT department_targets_in_force_fkey`);
    await db.query(`ALTER TABLE department_targets DROP COLUMN returned_version_id, DROP COLUMN in_force_version_id`);
    await db.query(`ALTER TABLE department_targets ALTER COLUMN status TYPE varchar(20)`);
    await db.query(`DROP TABLE document_versions`);
  }
}
