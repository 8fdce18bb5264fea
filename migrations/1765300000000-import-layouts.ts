import { MigrationInterface, QueryRunner } from 'typeorm';

/** Layouts mapped by hand (版式, SPEC §7): an organisation's named header mappings, shared with everyone by finance, found by the header's signature. */
export class ImportLayouts1765300000000 implements MigrationInterface {
  name = 'ImportLayouts1765300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`
      CREATE TABLE import_layouts (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organization_id uuid NOT NULL CONSTRAINT import_layouts_organization_id_fkey REFERENCES organizations (id),
        name varchar(60) NOT NULL,
        shared boolean NOT NULL DEFAULT false,
        signature text NOT NULL,
        layout jsonb NOT NULL,
        version int NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        created_by uuid NULL CONSTRAINT import_layouts_created_by_fkey REFERENCES users (id),
        updated_by uuid NULL CONSTRAINT import_layouts_updated_by_fkey REFERENCES users (id),
        CONSTRAINT import_layouts_name UNIQUE (organization_id, name)
      )`);
    await db.query(`CREATE INDEX import_layouts_signature ON import_layouts (signature)`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE import_layouts`);
  }
}
