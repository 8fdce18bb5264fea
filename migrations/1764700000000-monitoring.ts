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
 * Mid-year monitoring (SPEC §5): rounds opened by finance, one report per approved project with its
 * rows taken from the version in force (indicator ids kept), the follow-ups of a red report
 * (budget-cut requests, adjustments that name their report), and evidence files of any document.
 */
export class Monitoring1764700000000 implements MigrationInterface {
  name = 'Monitoring1764700000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE monitoring_rounds (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiscal_year int NOT NULL CONSTRAINT monitoring_rounds_fiscal_year_fkey REFERENCES fiscal_years (year),
        cutoff_date date NOT NULL,
        cutoff_month int NOT NULL CONSTRAINT monitoring_rounds_month_check CHECK (cutoff_month BETWEEN 1 AND 12),
        deadline date NOT NULL,
        department_ids uuid[] NULL,
        status varchar(20) NOT NULL DEFAULT 'open' CONSTRAINT monitoring_rounds_status_check CHECK (status IN ('open', 'closed')),
        parameters jsonb NOT NULL,
        profile_name varchar(100) NOT NULL,${audited},
        CONSTRAINT monitoring_rounds_year_cutoff UNIQUE (fiscal_year, cutoff_date)
      )`);
    await db.query(`
      CREATE TABLE monitoring_reports (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),${reviewed}
        round_id uuid NOT NULL CONSTRAINT monitoring_reports_round_id_fkey REFERENCES monitoring_rounds (id),
        project_id uuid NOT NULL CONSTRAINT monitoring_reports_project_id_fkey REFERENCES projects (id),
        unit_id uuid NOT NULL CONSTRAINT monitoring_reports_unit_id_fkey REFERENCES organizations (id),
        sheet_version_id uuid NOT NULL CONSTRAINT monitoring_reports_sheet_version_fkey REFERENCES document_versions (id),
        budget_annual numeric(18,2) NOT NULL,
        budget_executed numeric(18,2) NULL,
        budget_forecast numeric(18,2) NULL,
        budget_warning jsonb NULL,
        goal_progress text NOT NULL DEFAULT '',
        colour varchar(10) NULL CONSTRAINT monitoring_reports_colour_check CHECK (colour IN ('blue', 'green', 'yellow', 'red')),${audited},
        CONSTRAINT monitoring_reports_status_check CHECK (status IN ('draft', 'submitted', 'department_approved', 'approved')),
        CONSTRAINT monitoring_reports_round_project UNIQUE (round_id, project_id),
        CONSTRAINT monitoring_reports_in_force_fkey FOREIGN KEY (in_force_version_id) REFERENCES document_versions (id),
        CONSTRAINT monitoring_reports_returned_fkey FOREIGN KEY (returned_version_id) REFERENCES document_versions (id)
      )`);
    await db.query(`CREATE INDEX monitoring_reports_project ON monitoring_reports (project_id)`);
    await db.query(`CREATE INDEX monitoring_reports_round_unit ON monitoring_reports (round_id, unit_id)`);
    await db.query(`
      CREATE TABLE monitoring_rows (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        report_id uuid NOT NULL CONSTRAINT monitoring_rows_report_id_fkey REFERENCES monitoring_reports (id) ON DELETE CASCADE,
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
        evidence_required text NOT NULL DEFAULT '',
        current varchar(200) NULL,
        forecast varchar(200) NULL,
        likelihood varchar(10) NULL,
        reasons jsonb NOT NULL DEFAULT '[]',
        reason_note text NOT NULL DEFAULT '',
        measures text NOT NULL DEFAULT '',
        colour varchar(10) NULL CONSTRAINT monitoring_rows_colour_check CHECK (colour IN ('blue', 'green', 'yellow', 'red')),
        warning jsonb NULL,
        CONSTRAINT monitoring_rows_report_indicator UNIQUE (report_id, indicator_id)
      )`);

    await db.query(`
      CREATE TABLE budget_cuts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),${reviewed}
        report_id uuid NOT NULL CONSTRAINT budget_cuts_report_id_fkey REFERENCES monitoring_reports (id),
        project_id uuid NOT NULL CONSTRAINT budget_cuts_project_id_fkey REFERENCES projects (id),
        unit_id uuid NOT NULL CONSTRAINT budget_cuts_unit_id_fkey REFERENCES organizations (id),
        amount numeric(18,2) NOT NULL CONSTRAINT budget_cuts_amount_check CHECK (amount > 0),
        reason text NOT NULL,${audited},
        CONSTRAINT budget_cuts_status_check CHECK (status IN ('draft', 'submitted', 'approved')),
        CONSTRAINT budget_cuts_report UNIQUE (report_id),
        CONSTRAINT budget_cuts_in_force_fkey FOREIGN KEY (in_force_version_id) REFERENCES document_versions (id),
        CONSTRAINT budget_cuts_returned_fkey FOREIGN KEY (returned_version_id) REFERENCES document_versions (id)
      )`);
    await db.query(`ALTER TABLE target_sheets ADD COLUMN adjustment_source jsonb NULL`);

    await db.query(`
      CREATE TABLE evidence_files (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        document_kind varchar(30) NOT NULL,
        document_id uuid NOT NULL,
        indicator_id uuid NULL,
        organization_id uuid NOT NULL CONSTRAINT evidence_files_organization_id_fkey REFERENCES organizations (id),
        file_name varchar(255) NOT NULL,
        content_type varchar(100) NOT NULL,
        size int NOT NULL,
        sha256 char(64) NOT NULL,
        storage varchar(20) NOT NULL DEFAULT 'database',${audited}
      )`);
    await db.query(`CREATE INDEX evidence_files_document ON evidence_files (document_kind, document_id)`);
    await db.query(`
      CREATE TABLE evidence_contents (
        file_id uuid PRIMARY KEY CONSTRAINT evidence_contents_file_id_fkey REFERENCES evidence_files (id) ON DELETE CASCADE,
        content bytea NOT NULL
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE evidence_contents`);
    await db.query(`DROP TABLE evidence_files`);
    await db.query(`ALTER TABLE target_sheets DROP COLUMN adjustment_source`);
    await db.query(`DROP TABLE budget_cuts`);
    await db.query(`DROP TABLE monitoring_rows`);
    await db.query(`DROP TABLE monitoring_reports`);
    await db.query(`DROP TABLE monitoring_rounds`);
  }
}
