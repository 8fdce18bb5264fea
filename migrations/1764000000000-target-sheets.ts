import { MigrationInterface, QueryRunner } from 'typeorm';

const audited = `
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NULL,
  updated_by uuid NULL`;

/** Target sheets, their 三级 rows, immutable version snapshots and the audit log. */
export class TargetSheets1764000000000 implements MigrationInterface {
  name = 'TargetSheets1764000000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE target_sheets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        project_id uuid NOT NULL REFERENCES projects (id),
        status varchar(30) NOT NULL DEFAULT 'draft'
          CONSTRAINT target_sheets_status_check CHECK (status IN ('draft', 'submitted', 'department_approved', 'approved')),
        version int NOT NULL DEFAULT 1,
        level_weights jsonb NOT NULL DEFAULT '{}',
        is_adjustment boolean NOT NULL DEFAULT false,
        not_fit_for_budget boolean NOT NULL DEFAULT false,
        submitted_by uuid NULL,
        submitted_at timestamptz NULL,
        in_force_version_id uuid NULL,
        returned_version_id uuid NULL,${audited},
        CONSTRAINT target_sheets_project_unique UNIQUE (project_id)
      )`);

    await db.query(`
      CREATE TABLE target_indicators (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        sheet_id uuid NOT NULL REFERENCES target_sheets (id) ON DELETE CASCADE,
        position int NOT NULL,
        level1 varchar(30) NOT NULL,
        level2 varchar(30) NOT NULL,
        name varchar(200) NOT NULL,
        comparator varchar(4) NULL,
        value varchar(200) NOT NULL DEFAULT '',
        value_number numeric(20,4) NULL,
        unit varchar(30) NOT NULL DEFAULT '',
        kind varchar(4) NOT NULL CONSTRAINT target_indicators_kind_check CHECK (kind IN ('定量', '定性')),
        content text NOT NULL DEFAULT '',
        basis text NOT NULL DEFAULT '',
        last_year_actual numeric(20,4) NULL,
        weight numeric(6,2) NULL,
        scoring_rule text NOT NULL DEFAULT '',
        evidence text NOT NULL DEFAULT '',
        CONSTRAINT target_indicators_sheet_position UNIQUE (sheet_id, position)
      )`);

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
    await db.query(`ALTER TABLE target_sheets ADD CONSTRAINT target_sheets_in_force_fkey FOREIGN KEY (in_force_version_id) REFERENCES sheet_versions (id)`);
    await db.query(`ALTER TABLE target_sheets ADD CONSTRAINT target_sheets_returned_fkey FOREIGN KEY (returned_version_id) REFERENCES sheet_versions (id)`);

    await db.query(`
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        actor_id uuid NULL REFERENCES users (id),
        organization_id uuid NULL REFERENCES organizations (id),
        entity varchar(40) NOT NULL,
        entity_id uuid NOT NULL,
        action varchar(40) NOT NULL,
        field varchar(200) NULL,
        old_value text NULL,
        new_value text NULL
      )`);
    await db.query(`CREATE INDEX audit_log_entity ON audit_log (entity, entity_id)`);
    await db.query(`CREATE INDEX audit_log_organization ON audit_log (organization_id, at)`);

    // History is never rewritten: versions and the audit log take inserts only.
    await db.query(`
      CREATE FUNCTION refuse_history_rewrite() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'history is append-only: % on % refused', TG_OP, TG_TABLE_NAME;
      END $$`);
    await db.query(`CREATE TRIGGER sheet_versions_append_only BEFORE UPDATE OR DELETE ON sheet_versions FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite()`);
    await db.query(`CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE audit_log`);
    await db.query(`ALTER TABLE target_sheets DROP CONSTRAINT target_sheets_in_force_fkey`);
    await db.query(`ALTER TABLE target_sheets DROP CONSTRAINT target_sheets_returned_fkey`);
    await db.query(`DROP TABLE sheet_versions`);
    await db.query(`DROP TABLE target_indicators`);
    await db.query(`DROP TABLE target_sheets`);
    await db.query(`DROP FUNCTION refuse_history_rewrite()`);
  }
}
