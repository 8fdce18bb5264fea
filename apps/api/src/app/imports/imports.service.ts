import { ConflictException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ImportedProjectPlan, SelfEvaluationImportResult, SessionUser, TargetIndicatorDto, TargetTableImportResult } from '@pm/api-contract';
import { checkSheet, diffRows, formatYuan, ImportedProject, readSelfEvaluations, readTargetTables, SettingsProfile, TableSource } from '@pm/domain';
import { DataSource, EntityManager, In } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { FiscalYearsService } from '../fiscal-years/fiscal-years.service';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { SettingsService } from '../settings/settings.service';
import { SheetTransitionsService } from '../targets/sheet-transitions.service';
import { TargetSheet } from '../targets/target-sheet.entity';
import { TargetIndicator } from '../targets/target-indicator.entity';
import { IndicatorResult } from './indicator-result.entity';
import { toIndicatorColumns, toIndicatorDto } from '../targets/sheet-rows';

interface Planned {
  imported: ImportedProject;
  plan: ImportedProjectPlan;
  project: Project | null;
  sheet: TargetSheet | null;
  rows: TargetIndicatorDto[];
}

const ZERO_FUNDS = { fundsTotal: '0.00', fundsCurrentYearAppropriation: '0.00', fundsCarryOver: '0.00', fundsOther: '0.00' };

/** A new project's funds: the table's 年度预算 as 当年财政拨款 (the summary names no sources), else zero. */
const fundsOf = (imported: ImportedProject) =>
  imported.fundsTotal ? { ...ZERO_FUNDS, fundsTotal: imported.fundsTotal, fundsCurrentYearAppropriation: imported.fundsTotal } : ZERO_FUNDS;

/**
 * Imports target tables into one unit's projects of a fiscal year: matched by code, else by name;
 * new projects created, drafts replaced, approved sheets given an adjustment draft. All or nothing:
 * the plan is made and checked first, then applied in one transaction.
 */
@Injectable()
export class ImportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly fiscalYears: FiscalYearsService,
    private readonly settings: SettingsService,
    private readonly transitions: SheetTransitionsService,
    private readonly audit: AuditService,
  ) {}

  async importTargetTables(user: SessionUser, options: { fiscalYear: number; dryRun: boolean; organizationId?: string }, sources: TableSource[]): Promise<TargetTableImportResult> {
    await this.fiscalYears.assertOpen(options.fiscalYear);
    const unit = await this.targetUnit(user, options.organizationId);
    const reading = readTargetTables(sources);
    if (reading.tables === 0) throw badRequest('没有找到绩效目标表：表头应含“一级指标”“三级指标”“指标值”等列');
    if (reading.projects.length === 0 && reading.errors.length === 0) throw badRequest('绩效目标表中没有项目');
    const profile = await this.settings.profileForYear(options.fiscalYear);
    const errors = [...reading.errors];
    const planned: Planned[] = [];
    const existing = await this.existing(unit, options.fiscalYear);
    for (const imported of this.merged(reading.projects)) {
      const item = this.plan(existing, imported, profile);
      if (imported.fundsTotal && !('refusal' in item) && item.plan.action === 'create') {
        reading.repairs.push({ source: imported.source, row: imported.row, column: '年度预算（万元）', message: `“${imported.name}”的年度预算 ${formatYuan(imported.fundsTotal)} 元记为当年财政拨款（表中未列资金来源）` });
      }
      if ('refusal' in item) errors.push({ source: imported.source, row: imported.row, column: '项目名称', message: item.refusal });
      else planned.push(item);
    }
    const result: TargetTableImportResult = {
      dryRun: options.dryRun,
      fiscalYear: options.fiscalYear,
      unitId: unit.id,
      unitName: unit.name,
      tables: reading.tables,
      projects: planned.map((p) => p.plan),
      indicators: planned.reduce((n, p) => n + p.imported.indicators.length, 0),
      repairs: reading.repairs,
      errors,
    };
    if (errors.length > 0) {
      throw badRequest(
        `导入内容有 ${errors.length} 处问题，未导入任何内容`,
        errors.map((e) => ({ row: e.row, ...(e.column ? { field: e.column } : {}), message: `${e.source} 第 ${e.row} 行${e.column ? `（${e.column}）` : ''}：${e.message}` })),
        { preview: result },
      );
    }
    if (options.dryRun) return result;
    await this.dataSource.transaction((db) => this.apply(db, user, unit, options.fiscalYear, planned.filter((p) => p.plan.action !== 'unchanged'), profile));
    return result;
  }

  /** Stores a past year's 项目支出绩效自评表 results for the unit (replacing that year's), the source of 上年完成值. */
  async importSelfEvaluations(user: SessionUser, options: { fiscalYear?: number; organizationId?: string }, sources: TableSource[]): Promise<SelfEvaluationImportResult> {
    const unit = await this.targetUnit(user, options.organizationId);
    const reading = readSelfEvaluations(sources);
    if (reading.tables === 0) throw badRequest('没有找到项目支出绩效自评表：表头应含“一级指标”“三级指标”“实际完成值”，表上方应有项目名称');
    const fiscalYear = options.fiscalYear ?? reading.fiscalYear;
    if (!fiscalYear) throw badRequest('表格标题中没有年度，请选择自评年度', [{ field: 'fiscalYear', message: '请选择年度' }]);
    const tooLong = reading.results.find((r) => r.projectName.length > 200 || r.name.length > 200 || r.level1.length > 30 || r.level2.length > 30 || r.actualText.length > 200);
    if (tooLong) throw badRequest(`“${tooLong.projectName.slice(0, 20)}”中有超长的名称，无法导入`);
    const unique = new Map(reading.results.map((r) => [`${r.projectName}\u0000${r.level1}\u0000${r.name}`, r]));
    await this.dataSource.transaction(async (db) => {
      await db.delete(IndicatorResult, { unitId: unit.id, fiscalYear });
      for (const batch of chunks([...unique.values()], 1000)) {
        await db.insert(IndicatorResult, batch.map((r) => ({ unitId: unit.id, fiscalYear, projectName: r.projectName, level1: r.level1, level2: r.level2, name: r.name, actual: r.actual, actualText: r.actualText, createdBy: user.id, updatedBy: user.id })));
      }
      await this.audit.record(db, user, [{ entity: 'indicator_results', entityId: unit.id, organizationId: unit.id, action: 'import', field: `${fiscalYear} 年度自评`, newValue: `${unique.size} 条实际完成值` }]);
    });
    return {
      fiscalYear,
      unitId: unit.id,
      unitName: unit.name,
      tables: reading.tables,
      projects: new Set(reading.results.map((r) => r.projectName)).size,
      results: unique.size,
      phrases: [...unique.values()].filter((r) => r.actual === null).length,
    };
  }

  /** A lead imports into their own unit; a reviewer names a unit in their scope. */
  private async targetUnit(user: SessionUser, organizationId?: string): Promise<Organization> {
    const id = user.role === 'project_lead' ? (organizationId ?? user.organizationId) : organizationId;
    if (!id) throw badRequest('请选择导入到哪个预算单位', [{ field: 'organizationId', message: '请选择预算单位' }]);
    if (user.role === 'project_lead') await this.scope.assertWritable(user, id);
    else await this.scope.assertReadable(user, id);
    const unit = await this.dataSource.getRepository(Organization).findOneBy({ id });
    if (!unit || unit.kind !== 'unit') throw badRequest('请选择预算单位（不是主管部门或财政部门）', [{ field: 'organizationId', message: '请选择预算单位' }]);
    return unit;
  }

  /** The same project in several tables of one file (a name repeated further down) becomes one sheet. */
  private merged(projects: ImportedProject[]): ImportedProject[] {
    const byKey = new Map<string, ImportedProject>();
    for (const p of projects) {
      const key = p.code ?? `name:${p.name}`;
      const seen = byKey.get(key);
      if (seen) seen.indicators.push(...p.indicators);
      else byKey.set(key, { ...p, indicators: [...p.indicators] });
    }
    return [...byKey.values()];
  }

  /** The unit's projects of the year with their sheets and rows, read once for the whole file. */
  private async existing(unit: Organization, year: number): Promise<Existing> {
    const projects = await this.dataSource.getRepository(Project).findBy({ fiscalYear: year, unitId: unit.id });
    const sheets = projects.length ? await this.dataSource.getRepository(TargetSheet).findBy({ projectId: In(projects.map((p) => p.id)) }) : [];
    const rows = sheets.length ? await this.dataSource.getRepository(TargetIndicator).find({ where: { sheetId: In(sheets.map((x) => x.id)) }, order: { position: 'ASC' } }) : [];
    const rowsBySheet = new Map<string, TargetIndicatorDto[]>();
    for (const row of rows) {
      const list = rowsBySheet.get(row.sheetId) ?? [];
      list.push(toIndicatorDto(row));
      rowsBySheet.set(row.sheetId, list);
    }
    const results = await this.dataSource
      .getRepository(IndicatorResult)
      .createQueryBuilder('r')
      .distinctOn(['r.project_name', 'r.name'])
      .where('r.unit_id = :unit AND r.fiscal_year < :year AND r.actual IS NOT NULL', { unit: unit.id, year })
      .orderBy('r.project_name')
      .addOrderBy('r.name')
      .addOrderBy('r.fiscal_year', 'DESC')
      .getMany();
    const lastYear = new Map(results.map((r) => [`${r.projectName}\u0000${r.name}`, r.actual as string]));
    return {
      lastYearOf: (project, indicator) => lastYear.get(`${project}\u0000${indicator}`) ?? null,
      byCode: new Map(projects.filter((p) => p.code).map((p) => [p.code as string, p])),
      byName: new Map(projects.map((p) => [p.name, p])),
      sheetOf: new Map(sheets.map((x) => [x.projectId, x])),
      rowsOf: (sheetId) => rowsBySheet.get(sheetId) ?? [],
    };
  }

  private plan(existing: Existing, imported: ImportedProject, profile: SettingsProfile): Planned | { refusal: string } {
    const project = (imported.code ? existing.byCode.get(imported.code) : undefined) ?? existing.byName.get(imported.name) ?? null;
    const sheet = project ? (existing.sheetOf.get(project.id) ?? null) : null;
    let lastYearFilled = 0;
    const rows: TargetIndicatorDto[] = imported.indicators.map((i) => {
      const found = i.lastYearActual === null ? existing.lastYearOf(imported.name, i.name) : null;
      if (found !== null) lastYearFilled++;
      return { ...i, lastYearActual: i.lastYearActual ?? found };
    });
    const checks = checkSheet(rows, profile, sheet?.levelWeights ?? {});
    const plan: ImportedProjectPlan = {
      name: imported.name,
      code: imported.code,
      action: 'create',
      indicators: rows.length,
      blocking: checks.filter((c) => c.severity === 'blocking').length,
      warnings: checks.filter((c) => c.severity === 'warning').length,
      lastYearFilled,
      projectId: project?.id ?? null,
    };
    if (project) {
      if (sheet && (sheet.status === 'submitted' || sheet.status === 'department_approved')) return { refusal: `“${imported.name}”的绩效目标正在审核中，不能导入覆盖；请审核人退回后再导入` };
      const current = sheet ? existing.rowsOf(sheet.id) : [];
      const same = sheet !== null && diffRows(current, rows).length === 0 && current.length === rows.length && (!imported.goal || imported.goal === project.overallGoal);
      plan.action = same ? 'unchanged' : sheet?.status === 'approved' ? 'adjust' : 'replace';
    }
    return { imported, plan, project, sheet, rows };
  }

  /**
   * Writes the whole plan in the caller's transaction with a few set-based statements (30,000 rows
   * in seconds): new projects, new sheets, the rows of every imported sheet replaced, one audit entry
   * per project. Approved sheets first become adjustment drafts through the workflow.
   */
  private async apply(db: EntityManager, user: SessionUser, unit: Organization, year: number, items: Planned[], profile: SettingsProfile): Promise<void> {
    if (items.length === 0) return;
    for (const item of items) if (item.plan.action === 'adjust' && item.project) await this.transitions.applyIn(db, user, item.project, 'adjust', {}, profile);

    const fresh = items.filter((i) => !i.project);
    for (const batch of chunks(fresh, 1000)) {
      const inserted = await db
        .createQueryBuilder()
        .insert()
        .into(Project)
        .values(batch.map((i) => ({ fiscalYear: year, unitId: unit.id, code: i.imported.code, name: i.imported.name, level: '本级' as const, overallGoal: i.imported.goal, ...fundsOf(i.imported), createdBy: user.id, updatedBy: user.id })))
        .returning(['id'])
        .execute();
      batch.forEach((item, n) => (item.plan.projectId = (inserted.raw as { id: string }[])[n].id));
    }
    const newGoals = items.filter((i) => i.project && i.imported.goal && i.imported.goal !== i.project.overallGoal);
    if (newGoals.length) {
      await db.query('UPDATE projects p SET overall_goal = g.goal, updated_by = $3, updated_at = now() FROM unnest($1::uuid[], $2::text[]) AS g(id, goal) WHERE p.id = g.id', [
        newGoals.map((i) => i.project?.id),
        newGoals.map((i) => i.imported.goal),
        user.id,
      ]);
      await this.audit.record(
        db,
        user,
        newGoals.map((i) => ({ entity: 'project', entityId: i.project?.id as string, organizationId: unit.id, action: 'import', field: 'overallGoal', oldValue: i.project?.overallGoal ?? null, newValue: i.imported.goal })),
      );
    }

    const sheetIds = new Map<string, string>();
    const existingSheets = await db.createQueryBuilder(TargetSheet, 's').setLock('pessimistic_write').where('s.project_id IN (:...ids)', { ids: items.map((i) => i.plan.projectId as string) }).getMany();
    for (const sheet of existingSheets) {
      if (sheet.status !== 'draft') throw new ConflictException('导入期间有绩效目标被提交，请重新预览后再导入');
      sheetIds.set(sheet.projectId, sheet.id);
    }
    const withoutSheet = items.filter((i) => !sheetIds.has(i.plan.projectId as string));
    for (const batch of chunks(withoutSheet, 1000)) {
      const inserted = await db
        .createQueryBuilder()
        .insert()
        .into(TargetSheet)
        .values(batch.map((i) => ({ projectId: i.plan.projectId as string, status: 'draft' as const, version: 0, createdBy: user.id, updatedBy: user.id })))
        .returning(['id'])
        .execute();
      batch.forEach((item, n) => sheetIds.set(item.plan.projectId as string, (inserted.raw as { id: string }[])[n].id));
    }
    const ids = [...sheetIds.values()];
    await db.createQueryBuilder().delete().from(TargetIndicator).where('sheet_id IN (:...ids)', { ids }).execute();
    const rows = items.flatMap((item) => item.rows.map((row, n) => toIndicatorColumns(sheetIds.get(item.plan.projectId as string) as string, row, n + 1)));
    await insertIndicators(db, rows);
    await db.createQueryBuilder().update(TargetSheet).set({ version: () => 'version + 1', updatedBy: user.id }).where('id IN (:...ids)', { ids }).execute();
    await this.audit.record(
      db,
      user,
      items.map((item) => ({
        entity: 'target_sheet',
        entityId: sheetIds.get(item.plan.projectId as string) as string,
        organizationId: unit.id,
        action: 'import',
        field: item.imported.name,
        newValue: `${ACTION_WORDS[item.plan.action]}，${item.rows.length} 条指标（${item.imported.source}）`,
      })),
    );
  }
}

interface Existing {
  lastYearOf: (projectName: string, indicatorName: string) => string | null;
  byCode: Map<string, Project>;
  byName: Map<string, Project>;
  sheetOf: Map<string, TargetSheet>;
  rowsOf: (sheetId: string) => TargetIndicatorDto[];
}

const ACTION_WORDS = { create: '导入新建', replace: '导入替换', adjust: '导入调整', unchanged: '无变化' } as const;

/** All rows in one statement: a column array each, unnested by PostgreSQL (TypeORM's multi-row insert is ten times slower here). */
async function insertIndicators(db: EntityManager, rows: Partial<TargetIndicator>[]): Promise<void> {
  if (rows.length === 0) return;
  const columns: [string, string, (r: Partial<TargetIndicator>) => unknown][] = [
    ['sheet_id', 'uuid', (r) => r.sheetId],
    ['position', 'int', (r) => r.position],
    ['level1', 'varchar', (r) => r.level1],
    ['level2', 'varchar', (r) => r.level2],
    ['name', 'varchar', (r) => r.name],
    ['comparator', 'varchar', (r) => r.comparator ?? null],
    ['value', 'varchar', (r) => r.value],
    ['value_number', 'numeric', (r) => r.valueNumber ?? null],
    ['unit', 'varchar', (r) => r.unit],
    ['kind', 'varchar', (r) => r.kind],
    ['content', 'text', (r) => r.content ?? ''],
    ['basis', 'text', (r) => r.basis ?? ''],
    ['last_year_actual', 'numeric', (r) => r.lastYearActual ?? null],
    ['weight', 'numeric', (r) => r.weight ?? null],
    ['scoring_rule', 'text', (r) => r.scoringRule ?? ''],
    ['evidence', 'text', (r) => r.evidence ?? ''],
  ];
  await db.query(
    `INSERT INTO target_indicators (${columns.map(([name]) => name).join(', ')}) SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(', ')})`,
    columns.map(([, , of]) => rows.map(of)),
  );
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
