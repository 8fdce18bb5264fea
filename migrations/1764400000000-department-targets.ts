import { MigrationInterface, QueryRunner } from 'typeorm';

/** 部门整体绩效目标: one per department and fiscal year, with an append-only version history. */
export class DepartmentTargets1764400000000 implements MigrationInterface {
  name = 'DepartmentTargets1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE department_targets (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        department_id uuid NOT NULL CONSTRAINT department_targets_department_id_fkey REFERENCES organizations (id),
        fiscal_year int NOT NULL CONSTRAINT department_targets_fiscal_year_fkey REFERENCES fiscal_years (year),
        status varchar(20) NOT NULL DEFAULT 'draft' CONSTRAINT department_targets_status_check CHECK (status IN ('draft', 'submitted', 'approved')),
        version int NOT NULL DEFAULT 1,
        duties jsonb NOT NULL DEFAULT '[]',
        tasks jsonb NOT NULL DEFAULT '[]',
        budget_total numeric(18,2) NOT NULL DEFAULT 0,
        budget_basic numeric(18,2) NOT NULL DEFAULT 0,
        budget_project numeric(18,2) NOT NULL DEFAULT 0,
        budget_appropriation numeric(18,2) NOT NULL DEFAULT 0,
        budget_carry_over numeric(18,2) NOT NULL DEFAULT 0,
        budget_other numeric(18,2) NOT NULL DEFAULT 0,
        indicators jsonb NOT NULL DEFAULT '[]',
        submitted_by uuid NULL,
        submitted_at timestamptz NULL,
        last_comment text NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_by uuid NULL,
        CONSTRAINT department_targets_department_year UNIQUE (department_id, fiscal_year)
      )`);
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
    await db.query(`CREATE TRIGGER department_target_versions_append_only BEFORE UPDATE OR DELETE ON department_target_versions FOR EACH ROW EXECUTE FUNCTION refuse_history_rewrite()`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE department_target_versions`);
    await db.query(`DROP TABLE department_targets`);
  }
}
