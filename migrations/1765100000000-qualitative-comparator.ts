import { MigrationInterface, QueryRunner } from 'typeorm';

const TABLES = ['target_indicators', 'indicator_library', 'monitoring_rows', 'self_evaluation_rows'];

/** A 定性 indicator's 指标性质 is 定性 (SPEC §3), not empty: rows stored without one get it. */
export class QualitativeComparator1765100000000 implements MigrationInterface {
  name = 'QualitativeComparator1765100000000';

  async up(db: QueryRunner): Promise<void> {
    for (const table of TABLES) await db.query(`UPDATE ${table} SET comparator = '定性' WHERE kind = '定性' AND comparator IS NULL`);
  }

  async down(): Promise<void> {
    // nothing to undo: 定性 is what an empty 指标性质 of a 定性 row always meant
  }
}
