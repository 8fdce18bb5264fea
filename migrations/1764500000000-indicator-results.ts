import { MigrationInterface, QueryRunner } from 'typeorm';

/** Past years' actual results per indicator, imported from 绩效自评表: where 上年完成值 comes from. */
export class IndicatorResults1764500000000 implements MigrationInterface {
  name = 'IndicatorResults1764500000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE indicator_results (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        unit_id uuid NOT NULL CONSTRAINT indicator_results_unit_id_fkey REFERENCES organizations (id),
        fiscal_year int NOT NULL CONSTRAINT indicator_results_year_check CHECK (fiscal_year BETWEEN 2000 AND 2100),
        project_name varchar(200) NOT NULL,
        level1 varchar(30) NOT NULL,
        level2 varchar(30) NOT NULL,
        name varchar(200) NOT NULL,
        actual numeric(20,4) NULL,
        actual_text varchar(200) NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_by uuid NULL,
        CONSTRAINT indicator_results_unit_year_indicator UNIQUE (unit_id, fiscal_year, project_name, level1, name)
      )`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query('DROP TABLE indicator_results');
  }
}
