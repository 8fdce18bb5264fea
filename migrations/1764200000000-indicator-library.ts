import { MigrationInterface, QueryRunner } from 'typeorm';

/** The indicator library (指标库): 共性 entries curated by finance, 个性 ones by a department. */
export class IndicatorLibrary1764200000000 implements MigrationInterface {
  name = 'IndicatorLibrary1764200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE indicator_library (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NULL CONSTRAINT indicator_library_organization_id_fkey REFERENCES organizations (id),
        level1 varchar(30) NOT NULL,
        level2 varchar(30) NOT NULL,
        name varchar(100) NOT NULL,
        comparator varchar(4) NULL,
        unit varchar(30) NOT NULL DEFAULT '',
        kind varchar(4) NOT NULL CONSTRAINT indicator_library_kind_check CHECK (kind IN ('定量', '定性')),
        content text NOT NULL DEFAULT '',
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL,
        updated_by uuid NULL
      )`);
    await db.query(`CREATE UNIQUE INDEX indicator_library_entry ON indicator_library (coalesce(organization_id, '00000000-0000-0000-0000-000000000000'::uuid), level1, level2, name)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE indicator_library`);
  }
}
