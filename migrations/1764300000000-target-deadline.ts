import { MigrationInterface, QueryRunner } from 'typeorm';

/** The date by which a fiscal year's targets are to be set; shown as the deadline in 待办. */
export class TargetDeadline1764300000000 implements MigrationInterface {
  name = 'TargetDeadline1764300000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE fiscal_years ADD COLUMN target_deadline date NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE fiscal_years DROP COLUMN target_deadline`);
  }
}
