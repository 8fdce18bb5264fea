import { MigrationInterface, QueryRunner } from 'typeorm';

const audited = `
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid NULL,
  updated_by uuid NULL`;

export class Foundation1763900000000 implements MigrationInterface {
  name = 'Foundation1763900000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE organizations (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        name varchar(100) NOT NULL,
        kind varchar(20) NOT NULL CHECK (kind IN ('finance', 'department', 'unit')),
        parent_id uuid NULL REFERENCES organizations (id),
        code varchar(40) NULL,${audited}
      )`);
    await db.query(`CREATE UNIQUE INDEX organizations_parent_name ON organizations (coalesce(parent_id, '00000000-0000-0000-0000-000000000000'::uuid), name)`);
    await db.query(`CREATE INDEX organizations_parent ON organizations (parent_id)`);

    await db.query(`
      CREATE TABLE users (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        username varchar(60) NOT NULL,
        display_name varchar(60) NOT NULL,
        password_hash varchar(200) NOT NULL,
        role varchar(30) NOT NULL CHECK (role IN ('admin', 'finance_reviewer', 'department_reviewer', 'project_lead')),
        organization_id uuid NOT NULL REFERENCES organizations (id),
        disabled boolean NOT NULL DEFAULT false,
        last_login_at timestamptz NULL,${audited}
      )`);
    await db.query(`CREATE UNIQUE INDEX users_username ON users (lower(username))`);

    await db.query(`
      CREATE TABLE fiscal_years (
        year int PRIMARY KEY CHECK (year BETWEEN 2000 AND 2100),
        status varchar(20) NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),${audited}
      )`);

    await db.query(`
      CREATE TABLE projects (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        fiscal_year int NOT NULL REFERENCES fiscal_years (year),
        unit_id uuid NOT NULL REFERENCES organizations (id),
        code varchar(40) NULL,
        name varchar(200) NOT NULL,
        category varchar(50) NULL,
        level varchar(10) NOT NULL DEFAULT '本级',
        lead_name varchar(60) NULL,
        overall_goal text NOT NULL DEFAULT '',
        funds_total numeric(18,2) NOT NULL DEFAULT 0,
        funds_current_year_appropriation numeric(18,2) NOT NULL DEFAULT 0,
        funds_carry_over numeric(18,2) NOT NULL DEFAULT 0,
        funds_other numeric(18,2) NOT NULL DEFAULT 0,
        mid_term_year1 numeric(18,2) NULL,
        mid_term_year2 numeric(18,2) NULL,
        mid_term_year3 numeric(18,2) NULL,${audited},
        CONSTRAINT projects_funds_add_up CHECK (
          funds_total = funds_current_year_appropriation + funds_carry_over + funds_other)
      )`);
    await db.query(`CREATE UNIQUE INDEX projects_unit_year_name ON projects (fiscal_year, unit_id, name)`);
    await db.query(`CREATE UNIQUE INDEX projects_unit_year_code ON projects (fiscal_year, unit_id, code) WHERE code IS NOT NULL`);
    await db.query(`CREATE INDEX projects_unit ON projects (unit_id)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE projects`);
    await db.query(`DROP TABLE fiscal_years`);
    await db.query(`DROP TABLE users`);
    await db.query(`DROP TABLE organizations`);
  }
}
