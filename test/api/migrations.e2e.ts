import 'reflect-metadata';
import pg from 'pg';
import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../../apps/api/src/app/database/typeorm-options';
import { ScratchDatabase } from '../support/scratch-database';

describe('migrations', () => {
  let scratch: ScratchDatabase;
  let url: string;

  beforeAll(async () => {
    scratch = await new ScratchDatabase().create();
    url = scratch.url;
  });
  afterAll(() => scratch.dispose());

  it('builds the schema from an empty database, undoes it and builds it again', async () => {
    const source = new DataSource({ ...dataSourceOptions(url), migrationsRun: false });
    await source.initialize();
    try {
      const applied = await source.runMigrations();
      expect(applied.map((m) => m.name)).toEqual(['Foundation1763900000000', 'TargetSheets1764000000000', 'SettingsProfiles1764100000000', 'IndicatorLibrary1764200000000', 'TargetDeadline1764300000000', 'DepartmentTargets1764400000000', 'IndicatorResults1764500000000', 'ReviewChain1764600000000', 'Monitoring1764700000000', 'SelfEvaluation1764800000000', 'Sessions1764900000000', 'ChangeNotifications1765000000000', 'QualitativeComparator1765100000000', 'LastYearActualText1765200000000', 'ImportLayouts1765300000000']);
      const tables = await source.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
      expect(tables.map((t: { table_name: string }) => t.table_name)).toEqual(['audit_log', 'budget_cuts', 'department_self_evaluations', 'department_targets', 'document_versions', 'evidence_contents', 'evidence_files', 'fiscal_years', 'import_layouts', 'indicator_library', 'indicator_results', 'login_failures', 'migrations', 'monitoring_reports', 'monitoring_rounds', 'monitoring_rows', 'organizations', 'projects', 'self_evaluation_rounds', 'self_evaluation_rows', 'self_evaluations', 'sessions', 'settings_profiles', 'target_indicators', 'target_sheets', 'users']);
      const money = await source.query(`SELECT data_type, numeric_scale FROM information_schema.columns WHERE table_name = 'projects' AND column_name = 'funds_total'`);
      expect(money).toEqual([{ data_type: 'numeric', numeric_scale: 2 }]);
      for (let i = 0; i < applied.length; i++) await source.undoLastMigration();
      const left = await source.query(`SELECT count(*)::int AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'migrations'`);
      expect(left).toEqual([{ n: 0 }]);
      expect((await source.runMigrations()).length).toBe(applied.length);
      expect(await source.showMigrations()).toBe(false);
      // the entities describe exactly the schema the migrations build (migration:generate finds nothing)
      const pending = await source.driver.createSchemaBuilder().log();
      expect(pending.upQueries.map((q) => q.query)).toEqual([]);
    } finally {
      await source.destroy();
    }
  });

  it('keeps money adding up in the database itself', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      await client.query(`INSERT INTO organizations (id, name, kind) VALUES ('00000000-0000-4000-8000-000000000001', '财政局', 'finance')`);
      await client.query(`INSERT INTO fiscal_years (year) VALUES (2026)`);
      await expect(
        client.query(`INSERT INTO projects (fiscal_year, unit_id, name, funds_total, funds_current_year_appropriation) VALUES (2026, '00000000-0000-4000-8000-000000000001', 'x', 10, 9)`),
      ).rejects.toThrow(/projects_funds_add_up/);
    } finally {
      await client.end();
    }
  });
});
