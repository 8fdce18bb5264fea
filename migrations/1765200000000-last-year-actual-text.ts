import { MigrationInterface, QueryRunner } from 'typeorm';

/** 上年完成值 kept as written when it is no number in the target's unit (SPEC §11 `lastYearActualText`). */
export class LastYearActualText1765200000000 implements MigrationInterface {
  name = 'LastYearActualText1765200000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE target_indicators ADD COLUMN last_year_actual_text varchar(200) NULL`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE target_indicators DROP COLUMN last_year_actual_text`);
  }
}
