import { MigrationInterface, QueryRunner } from 'typeorm';

const audited = `
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NULL,
  updated_by uuid NULL`;

const reviewed = `
  status varchar(30) NOT NULL DEFAULT 'draft',
  version int NOT NULL DEFAULT 1,
  submitted_by uuid NULL,
  submitted_at timestamptz NULL,
  returned_version_id uuid NULL,
  in_force_version_id uuid NULL,`;

/**
 * Year-end self-evaluation (SPEC §6): finance opens it per fiscal year; one 项目支出绩效自评表 per
 * project with an approved sheet, its rows from the version in force (indicator ids kept), scores
 * stored with the parameters they were computed with, reviewers' overrides beside the computed
 * score; and the department's 部门整体支出绩效自评表.
 */
export class SelfEvaluation1764800000000 implements MigrationInterface {
  name = 'SelfEvaluation1764800000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE self_evaluation_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiscal_year int NOT NULL CONSTRAINT self_evaluation_rounds_fiscal_year_fkey REFERENCES fiscal_years (year),
        deadline date NOT NULL,${audited},
        CONSTRAINT self_evaluation_rounds_year UNIQUE (fiscal_year)
      )`);
    await db.query(`
      CREATE TABLE self_evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),${reviewed}
        round_id uuid NULL CONSTRAINT self_evaluations_round_id_fkey REFERENCES self_evaluation_rounds (id),
        fiscal_year int NOT NULL CONSTRAINT self_evaluations_fiscal_year_fkey REFERENCES fiscal_years (year),
        project_id uuid NOT NULL CONSTRAINT self_evaluations_project_id_fkey REFERENCES projects (id),
        unit_id uuid NOT NULL CONSTRAINT self_evaluations_unit_id_fkey REFERENCES organizations (id),
        sheet_version_id uuid NOT NULL CONSTRAINT self_evaluations_sheet_version_fkey REFERENCES document_versions (id),
        budget_initial numeric(18,2) NOT NULL,
        budget_adjustment numeric(18,2) NULL,
        budget_executed numeric(18,2) NULL,
        goal text NOT NULL DEFAULT '',
        goal_actual text NOT NULL DEFAULT '',
        parameters jsonb NOT NULL,
        budget_score numeric(6,2) NULL,
        budget_explanation jsonb NULL,
        total numeric(6,2) NULL,
        grade varchar(2) NULL CONSTRAINT self_evaluations_grade_check CHECK (grade IN ('优', '良', '中', '差')),
        grade_explanation jsonb NULL,
        flags jsonb NOT NULL DEFAULT '[]',
        dismissed_flags jsonb NOT NULL DEFAULT '[]',
        published jsonb NULL,${audited},
        CONSTRAINT self_evaluations_status_check CHECK (status IN ('draft', 'submitted', 'department_approved', 'approved')),
        CONSTRAINT self_evaluations_project UNIQUE (project_id),
        CONSTRAINT self_evaluations_in_force_fkey FOREIGN KEY (in_force_version_id) REFERENCES document_versions (id),
        CONSTRAINT self_evaluations_returned_fkey FOREIGN KEY (returned_version_id) REFERENCES document_versions (id)
      )`);
    await db.query(`CREATE INDEX self_evaluations_year_unit ON self_evaluations (fiscal_year, unit_id)`);
    await db.query(`
      CREATE TABLE self_evaluation_rows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        evaluation_id uuid NOT NULL CONSTRAINT self_evaluation_rows_evaluation_id_fkey REFERENCES self_evaluations (id) ON DELETE CASCADE,
        indicator_id uuid NOT NULL,
        position int NOT NULL,
        level1 varchar(30) NOT NULL,
        level2 varchar(30) NOT NULL,
        name varchar(200) NOT NULL,
        comparator varchar(4) NULL,
        value varchar(200) NOT NULL DEFAULT '',
        unit varchar(30) NOT NULL DEFAULT '',
        kind varchar(4) NOT NULL,
        weight numeric(6,2) NULL,
        scoring_rule text NOT NULL DEFAULT '',
        evidence_required text NOT NULL DEFAULT '',
        forecast varchar(200) NULL,
        actual varchar(500) NULL,
        tier varchar(30) NULL,
        tier_score numeric(6,2) NULL,
        applicable boolean NOT NULL DEFAULT true,
        deviation_note text NOT NULL DEFAULT '',
        computed_score numeric(6,2) NULL,
        explanation jsonb NULL,
        needs_deviation_note boolean NOT NULL DEFAULT false,
        override_score numeric(6,2) NULL,
        override_reason text NULL,
        override_by uuid NULL CONSTRAINT self_evaluation_rows_override_by_fkey REFERENCES users (id),
        override_at timestamptz NULL,
        CONSTRAINT self_evaluation_rows_evaluation_indicator UNIQUE (evaluation_id, indicator_id)
      )`);
    await db.query(`
      CREATE TABLE department_self_evaluations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),${reviewed}
        department_id uuid NOT NULL CONSTRAINT department_self_evaluations_department_id_fkey REFERENCES organizations (id),
        fiscal_year int NOT NULL CONSTRAINT department_self_evaluations_fiscal_year_fkey REFERENCES fiscal_years (year),
        basic_initial numeric(18,2) NOT NULL DEFAULT 0,
        basic_adjustment numeric(18,2) NOT NULL DEFAULT 0,
        basic_executed numeric(18,2),
        project_initial numeric(18,2) NOT NULL DEFAULT 0,
        project_adjustment numeric(18,2) NOT NULL DEFAULT 0,
        project_executed numeric(18,2),
        duties jsonb NOT NULL DEFAULT '[]',
        indicators jsonb NOT NULL DEFAULT '[]',
        notes text NOT NULL DEFAULT '',${audited},
        CONSTRAINT department_self_evaluations_status_check CHECK (status IN ('draft', 'submitted', 'approved')),
        CONSTRAINT department_self_evaluations_department_year UNIQUE (department_id, fiscal_year),
        CONSTRAINT department_self_evaluations_in_force_fkey FOREIGN KEY (in_force_version_id) REFERENCES document_versions (id),
        CONSTRAINT department_self_evaluations_returned_fkey FOREIGN KEY (returned_version_id) REFERENCES document_versions (id)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE department_self_evaluations`);
    await db.query(`DROP TABLE self_evaluation_rows`);
    await db.query(`DROP TABLE self_evaluations`);
    await db.query(`DROP TABLE self_evaluation_rounds`);
  }
}
