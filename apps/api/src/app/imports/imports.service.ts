import { ConflictException, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ImportedProjectPlan, ImportWarningDto, PublishedEvaluationDto, SelfEvaluationImportResult, SessionUser, TargetIndicatorDto, TargetTableImportResult } from '@pm/api-contract';
import { budgetRepair, checkSheet, diffRows, hasPermission, Scope, formatYuan, ImportedProject, ImportNote, NamedLayout, normaliseIndicatorName, SettingsProfile, SHEET_STATUS_LABELS } from '@pm/domain';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager, In } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { ColumnOf, insertAll } from '../database/insert-all';
import { FiscalYear } from '../fiscal-years/fiscal-year.entity';
import { FiscalYearsService } from '../fiscal-years/fiscal-years.service';
import { PublishedYearService } from '../self-evaluation/published-year.service';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { SettingsService } from '../settings/settings.service';
import { ReviewRunner, refuseUnless } from '../review/review-runner.service';
import { IndicatorRowsStore } from '../targets/indicator-rows.store';
import { TargetSheetsService } from '../targets/target-sheets.service';
import { TargetSheet } from '../targets/target-sheet.entity';
import { IndicatorResult } from './indicator-result.entity';
import { ImportLayoutsService } from './layouts/import-layouts.service';
import { readTables, TablesInput } from './workbook';

interface Planned {
  unit: Organization;
  imported: ImportedProject;
  plan: ImportedProjectPlan;
  project: Project | null;
  sheet: TargetSheet | null;
  rows: TargetIndicatorDto[];
}

const ZERO_FUNDS = { fundsTotal: '0.00', fundsCurrentYearAppropriation: '0.00', fundsCarryOver: '0.00', fundsOther: '0.00' };

/** A new project's 年度预算: the target table's, else its line in a budget table of the same document (中期规划, 项目支出预算表). */
const amountOf = (imported: ImportedProject) => imported.fundsTotal || imported.budgetLine?.amount || null;

/** A new project's funds: its 年度预算 as 当年财政拨款 (the tables name no sources), else zero. */
const fundsOf = (imported: ImportedProject) => {
  const amount = amountOf(imported);
  return amount ? { ...ZERO_FUNDS, fundsTotal: amount, fundsCurrentYearAppropriation: amount } : ZERO_FUNDS;
};

/**
 * Imports target tables into one unit's projects of a fiscal year: matched by code, else by name;
 * new projects created, drafts replaced, approved sheets given an adjustment draft. All or nothing:
 * the plan is made and checked first, then applied in one transaction.
 */
/** Projects in one import from which the tables' statistics are refreshed at once. */
const BIG_IMPORT = 500;

@Injectable()
export class ImportsService {
  private readonly logger = new Logger(ImportsService.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly fiscalYears: FiscalYearsService,
    private readonly settings: SettingsService,
    private readonly sheets: TargetSheetsService,
    private readonly runner: ReviewRunner,
    private readonly rows: IndicatorRowsStore,
    private readonly audit: AuditService,
    private readonly publishedYear: PublishedYearService,
    private readonly layouts: ImportLayoutsService,
  ) {}

  /** `layout`: a mapping tried before it is saved, read instead of the organisation's saved layouts (SPEC §7). */
  async importTargetTables(
    user: SessionUser,
    options: { fiscalYear: number; dryRun: boolean; organizationId?: string; layout?: NamedLayout },
    sources: TablesInput,
  ): Promise<TargetTableImportResult> {
    await this.fiscalYears.assertOpen(options.fiscalYear);
    const into = await this.importedInto(user, options.organizationId);
    const layouts = options.layout ? [options.layout] : await this.layouts.forImport(into.id);
    const reading = await readTables('targetTables', sources, { layouts });
    if (reading.tables === 0) throw badRequest('没有找到绩效目标表：表头应含“一级指标”“三级指标”“指标值”等列');
    if (reading.projects.length === 0 && reading.errors.length === 0) throw badRequest('绩效目标表中没有项目');
    const profile = await this.settings.profileForYear(options.fiscalYear);
    const errors = [...reading.errors];
    const planned: Planned[] = [];
    const groups = into.kind === 'unit' ? [{ unit: into, created: false, projects: this.merged(reading.projects, false) }] : await this.unitsOf(into, this.merged(reading.projects, true), reading.repairs, errors);
    for (const group of groups) {
      const existing = await this.existing(user, group.unit, options.fiscalYear);
      for (const imported of group.projects) {
        const item = await this.plan(user, existing, group.unit, imported, profile);
        if (!('refusal' in item) && item.plan.action === 'created') this.newProjectRepairs(imported, reading.repairs);
        if ('refusal' in item) errors.push({ source: imported.source, row: imported.row, column: '项目名称', message: item.refusal });
        else planned.push(item);
      }
    }
    const warnings = into.kind === 'unit' ? await this.otherUnitsNamed(into, reading.projects) : [];
    const result: TargetTableImportResult = {
      dryRun: options.dryRun,
      fiscalYear: options.fiscalYear,
      unitId: into.id,
      unitName: into.name,
      units: groups.map((g) => ({ unitId: g.unit.id, unitName: g.unit.name, code: g.unit.code, action: g.created ? 'created' : 'matched', projects: g.projects.length })),
      warnings,
      tables: reading.tables,
      // the plans themselves: a real run gives each new project its id after this answer is made
      projects: planned.map((p) => p.plan),
      indicators: planned.reduce((n, p) => n + p.imported.indicators.length, 0),
      repairs: reading.repairs,
      errors,
      doubts: reading.doubts,
      layouts: this.layouts.applied(reading.appliedLayouts, layouts),
    };
    if (errors.length > 0) {
      throw badRequest(
        `导入内容有 ${errors.length} 处问题，未导入任何内容`,
        errors.map((e) => ({ row: e.row, ...(e.column ? { field: e.column } : {}), message: `${e.source} 第 ${e.row} 行${e.column ? `（${e.column}）` : ''}：${e.message}` })),
        { preview: result },
      );
    }
    if (options.dryRun) return result;
    const applied = planned.filter((p) => p.plan.action !== 'unchanged');
    await this.dataSource.transaction(async (db) => {
      await this.createUnits(db, user, groups.filter((g) => g.created).map((g) => g.unit));
      for (const group of groups) await this.apply(db, user, group.unit, options.fiscalYear, applied.filter((p) => p.unit === group.unit));
    });
    // thousands of new rows at once: the planner's statistics would be minutes behind (autovacuum), and lists sorted on stale ones cost
    // several times as much; refreshed right after the answer (the clerk need not wait for it), a failure only logged
    if (applied.length >= BIG_IMPORT) {
      this.dataSource.query('ANALYZE projects, target_sheets, target_indicators').catch((error: Error) => this.logger.warn(`导入后更新统计信息失败：${error.message}`));
    }
    return result;
  }

  /** Stores a past year's 项目支出绩效自评表 results for the unit (replacing that year's), the source of 上年完成值. */
  async importSelfEvaluations(user: SessionUser, options: { fiscalYear?: number; organizationId?: string }, sources: TablesInput): Promise<SelfEvaluationImportResult> {
    const unit = await this.targetUnit(user, options.organizationId);
    const reading = await readTables('selfEvaluations', sources);
    if (reading.tables === 0) throw badRequest('没有找到项目支出绩效自评表：表头应含“一级指标”“三级指标”“实际完成值”，表上方应有项目名称');
    const fiscalYear = options.fiscalYear ?? reading.fiscalYear;
    if (!fiscalYear) throw badRequest('表格标题中没有年度，请选择自评年度', [{ field: 'fiscalYear', message: '请选择年度' }]);
    const tooLong = reading.results.find((r) => r.projectName.length > 200 || r.name.length > 200 || r.level1.length > 30 || r.level2.length > 30 || r.actualText.length > 200);
    if (tooLong) throw badRequest(`“${tooLong.projectName.slice(0, 20)}”中有超长的名称，无法导入`);
    const unique = new Map(reading.results.map((r) => [`${r.projectName}\u0000${r.level1}\u0000${r.name}`, r]));
    const year = await this.dataSource.getRepository(FiscalYear).findOneBy({ year: fiscalYear });
    const notes: string[] = [];
    const whole = !!year && year.status === 'closed' && hasPermission(user.role, 'selfEvaluation.review');
    if (!year || year.status !== 'closed') notes.push(`${fiscalYear} 年度${year ? '尚未关闭' : '未在系统中设立'}：只保存实际完成值（供下一年度的上年完成值），不录入自评表`);
    else if (!whole) notes.push('以前年度的自评表由主管部门或财政录入；本次只保存实际完成值');
    let evaluations: PublishedEvaluationDto[] = [];
    await this.dataSource.transaction(async (db) => {
      if (whole) evaluations = await this.publishedYear.record(db, user, unit, fiscalYear, reading.forms);
      await db.delete(IndicatorResult, { unitId: unit.id, fiscalYear });
      for (const batch of chunks([...unique.values()], 1000)) {
        await db.insert(IndicatorResult, batch.map((r) => ({ unitId: unit.id, fiscalYear, projectName: r.projectName, level1: r.level1, level2: r.level2, name: r.name, actual: r.actual, actualText: r.actualText, createdBy: user.id, updatedBy: user.id })));
      }
      // results of projects in the system link to the project and its indicator
      await db.query(
        `UPDATE indicator_results r SET project_id = p.id,
           indicator_id = (SELECT i.id FROM target_sheets s JOIN target_indicators i ON i.sheet_id = s.id WHERE s.project_id = p.id AND i.level1 = r.level1 AND i.name = r.name ORDER BY i.position LIMIT 1)
         FROM projects p WHERE r.unit_id = $1 AND r.fiscal_year = $2 AND p.unit_id = r.unit_id AND p.fiscal_year = r.fiscal_year AND p.name = r.project_name`,
        [unit.id, fiscalYear],
      );
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
      evaluations,
      notes: [...notes, ...evaluations.filter((e) => e.action === 'skipped').map((e) => `“${e.projectName}”已有尚未批复的绩效目标，未录入自评表`)],
    };
  }

  /**
   * Target tables go into a unit, or into a department whose tables have unit rows: the unit the
   * named organisation is, or the user's own unit; a department in the user's scope (404 otherwise).
   */
  private async importedInto(user: SessionUser, organizationId?: string): Promise<Organization> {
    if (organizationId) {
      await this.scope.assertReadable(user, organizationId);
      const named = await this.dataSource.getRepository(Organization).findOneBy({ id: organizationId });
      if (named?.kind === 'department') return named;
    }
    return this.targetUnit(user, organizationId);
  }

  /**
   * A department's import split by the unit rows of its tables (SPEC §7): each unit matched among
   * the department's units by code, then by name, else created under the department — said as a
   * repair; a project under no unit row cannot be placed, and says so.
   */
  private async unitsOf(department: Organization, projects: ImportedProject[], repairs: ImportNote[], errors: ImportNote[]): Promise<UnitGroup[]> {
    const units = await this.dataSource.getRepository(Organization).findBy({ parentId: department.id, kind: 'unit' });
    const plain = (name: string) => name.replace(/[\s\u3000]/g, '').replace(/[（(]本级[)）]$/, '');
    const byCode = new Map(units.filter((u) => u.code).map((u) => [u.code as string, u]));
    const byName = new Map(units.map((u) => [plain(u.name), u]));
    const groups = new Map<string, UnitGroup>();
    for (const project of projects) {
      const name = project.unitRow?.name.trim() ?? '';
      const code = project.unitRow?.code ?? null;
      if (!code && !name) {
        errors.push({ source: project.source, row: project.row, column: '项目名称', message: `“${project.name}”上方没有单位行（如“103001 某某单位”），无法确定属于哪个预算单位：请在表中加上单位行，或选择导入到哪个预算单位` });
        continue;
      }
      if (name.length > 100) {
        errors.push({ source: project.source, row: project.row, column: '单位', message: `单位名称“${name.slice(0, 20)}…”超过 100 字` });
        continue;
      }
      const key = code ?? `name:${plain(name)}`;
      let group = groups.get(key);
      if (!group) {
        const found = (code ? byCode.get(code) : undefined) ?? (name ? byName.get(plain(name)) : undefined);
        const twin = !found && [...groups.values()].find((g) => g.created && plain(g.unit.name) === plain(name));
        if (twin) {
          errors.push({ source: project.source, row: project.row, column: '单位', message: `单位“${name}”在表中有两个编码（${twin.unit.code ?? '无'} 和 ${code ?? '无'}），请核对单位行` });
          continue;
        }
        const unit = found ?? Object.assign(new Organization(), { id: randomUUID(), name, kind: 'unit', parentId: department.id, code });
        if (!found) repairs.push({ source: project.source, row: project.row, column: '单位', message: `新建预算单位“${unit.name}”${unit.code ? `（编码 ${unit.code}）` : ''}，隶属于“${department.name}”` });
        group = { unit, created: !found, projects: [] };
        groups.set(key, group);
      }
      group.projects.push(project);
    }
    return [...groups.values()];
  }

  /**
   * SPEC §11: a table whose title names another unit than the one imported into is a warning (the
   * page asks the clerk to confirm); its own department's name (a department's disclosure) is not.
   */
  private async otherUnitsNamed(unit: Organization, projects: ImportedProject[]): Promise<ImportWarningDto[]> {
    const plain = (name: string) => name.replace(/[\s\u3000]/g, '').replace(/[（(]本级[)）]$/, '');
    const department = unit.parentId ? await this.dataSource.getRepository(Organization).findOneBy({ id: unit.parentId }) : null;
    const own = new Set([plain(unit.name), ...(department ? [plain(department.name)] : [])]);
    const named = new Set(projects.map((p) => p.unitName?.trim()).filter((n): n is string => !!n && !own.has(plain(n))));
    return [...named].map((name) => ({ message: `表格中写明的单位是“${name}”，而导入到的是“${unit.name}”：请确认导入到了正确的预算单位`, code: 'unit-mismatch', namedUnit: name }));
  }

  /** What a new project takes that the sheet does not show: its 年度预算 (as 当年财政拨款) and 项目分类, each said with where it came from. */
  private newProjectRepairs(imported: ImportedProject, repairs: ImportNote[]): void {
    const line = imported.budgetLine;
    if (imported.fundsTotal) {
      repairs.push({ source: imported.source, row: imported.row, column: '年度预算（万元）', message: `“${imported.name}”的年度预算 ${formatYuan(imported.fundsTotal)} 元记为当年财政拨款（表中未列资金来源）` });
    }
    const took = { amount: !imported.fundsTotal && !!line?.amount, category: !!line?.category };
    if (line && (took.amount || took.category)) {
      repairs.push({ source: line.source, row: line.row, column: took.amount ? '年度预算总额' : '项目分类', message: `${budgetRepair(imported.name, line, took)}${took.amount ? '，记为当年财政拨款' : ''}` });
    }
  }

  /** The units a department's import creates, each audited. */
  private async createUnits(db: EntityManager, user: SessionUser, units: Organization[]): Promise<void> {
    if (units.length === 0) return;
    await db.insert(Organization, units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, parentId: u.parentId, code: u.code, createdBy: user.id, updatedBy: user.id })));
    await this.audit.record(db, user, units.map((u) => ({ entity: 'organization', entityId: u.id, organizationId: u.parentId as string, action: 'import', field: u.name, newValue: `导入时新建预算单位${u.code ? `（编码 ${u.code}）` : ''}` })));
  }

  /**
   * The unit imported into: the one named, or the user's own when it is a unit. Anyone may import
   * into a unit in their scope (404 otherwise); what they may change there is the chain's to say.
   */
  private async targetUnit(user: SessionUser, organizationId?: string): Promise<Organization> {
    const organizations = this.dataSource.getRepository(Organization);
    const own = organizationId ? null : await organizations.findOneBy({ id: user.organizationId });
    const id = organizationId ?? (own?.kind === 'unit' ? own.id : null);
    if (!id) throw badRequest('请选择导入到哪个预算单位', [{ field: 'organizationId', message: '请选择预算单位' }]);
    await this.scope.assertReadable(user, id);
    const unit = await organizations.findOneBy({ id });
    if (!unit || unit.kind !== 'unit') throw badRequest('请选择预算单位（不是主管部门或财政部门）', [{ field: 'organizationId', message: '请选择预算单位' }]);
    return unit;
  }

  /** The same project in several tables of one file (a name repeated further down) becomes one sheet; in a department's file, the same project of the same unit. */
  private merged(projects: ImportedProject[], byUnit: boolean): ImportedProject[] {
    const byKey = new Map<string, ImportedProject>();
    for (const p of projects) {
      const key = `${byUnit ? `${p.unitRow?.code ?? p.unitRow?.name ?? ''}\u0000` : ''}${p.code ?? `name:${p.name}`}`;
      const seen = byKey.get(key);
      if (seen) seen.indicators.push(...p.indicators);
      else byKey.set(key, { ...p, indicators: [...p.indicators] });
    }
    return [...byKey.values()];
  }

  /** The unit's projects of the year with their sheets and rows, read once for the whole file. */
  private async existing(user: SessionUser, unit: Organization, year: number): Promise<Existing> {
    const projects = await this.dataSource.getRepository(Project).findBy({ fiscalYear: year, unitId: unit.id });
    const sheets = projects.length ? await this.dataSource.getRepository(TargetSheet).findBy({ projectId: In(projects.map((p) => p.id)) }) : [];
    const rowsBySheet = await this.rows.rowsOfSheets(this.dataSource.manager, sheets.map((x) => x.id));
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
      scope: await this.scope.of(user),
      lastYearOf: (project, indicator) => lastYear.get(`${project}\u0000${indicator}`) ?? null,
      byCode: new Map(projects.filter((p) => p.code).map((p) => [p.code as string, p])),
      byName: new Map(projects.map((p) => [p.name, p])),
      sheetOf: new Map(sheets.map((x) => [x.projectId, x])),
      rowsOf: (sheetId) => rowsBySheet.get(sheetId) ?? [],
    };
  }

  /**
   * What the import will do to one project, decided by the review chain exactly as the real run will
   * do it: a new project or sheet is created; an existing draft is overwritten (`import`, the lead's);
   * an approved sheet gets an adjustment draft (`adjust`, the lead's). A refusal the user can act on
   * (a sheet under review) is a row error; a role that may never do it is 403, for a dry run too.
   */
  private async plan(user: SessionUser, existing: Existing, unit: Organization, imported: ImportedProject, profile: SettingsProfile): Promise<Planned | { refusal: string }> {
    const project = (imported.code ? existing.byCode.get(imported.code) : undefined) ?? existing.byName.get(imported.name) ?? null;
    const sheet = project ? (existing.sheetOf.get(project.id) ?? null) : null;
    const current = sheet ? existing.rowsOf(sheet.id) : [];
    let lastYearFilled = 0;
    const rows: TargetIndicatorDto[] = withKeptIds(
      imported.indicators.map((i) => {
        const found = i.lastYearActual === null && !i.lastYearActualText ? existing.lastYearOf(imported.name, i.name) : null;
        if (found !== null) lastYearFilled++;
        return { ...i, lastYearActual: i.lastYearActual ?? found };
      }),
      current,
    );
    const checks = checkSheet(rows, profile, sheet?.levelWeights ?? {});
    const plan: ImportedProjectPlan = {
      name: imported.name,
      code: imported.code,
      action: 'created',
      indicators: rows.length,
      blocking: checks.filter((c) => c.severity === 'blocking').length,
      warnings: checks.filter((c) => c.severity === 'warning').length,
      checks: [...checks].sort((a, b) => Number(a.severity !== 'blocking') - Number(b.severity !== 'blocking')).map(({ row, field, severity, code, message }) => ({ row, field, severity, code, message })),
      lastYearFilled,
      projectId: project?.id ?? null,
      unitName: unit.name,
      ...(project ? {} : { fundsTotal: amountOf(imported), category: imported.budgetLine?.category ?? null }),
    };
    const item = { unit, imported, plan, project, sheet, rows };
    if (!project || !sheet) return item;
    const same = diffRows(current, rows).length === 0 && current.length === rows.length && (!imported.goal || imported.goal === project.overallGoal);
    if (same) return { ...item, plan: { ...plan, action: 'unchanged' } };
    const action = sheet.status === 'approved' ? 'adjust' : 'import';
    const decision = await this.runner.decision(user, this.sheets.kind, project, sheet, action, {}, existing.scope);
    if (!decision.ok && decision.refusal === 'conflict') return { refusal: `“${imported.name}”的绩效目标正在审核中，不能导入覆盖（当前为“${SHEET_STATUS_LABELS[sheet.status]}”）；请审核人退回后再导入` };
    refuseUnless(decision);
    return { ...item, plan: { ...plan, action: action === 'adjust' ? 'adjusted' : 'updated' } };
  }

  /**
   * Writes the whole plan in the caller's transaction with a few set-based statements (30,000 rows
   * in seconds): new projects and sheets, then every sheet's rows through the one row writer (rows
   * that match an existing indicator keep its id), one audit entry per project. Each existing sheet
   * is locked and passes the chain again, as in the plan; approved ones first become adjustment drafts.
   */
  private async apply(db: EntityManager, user: SessionUser, unit: Organization, year: number, items: Planned[]): Promise<void> {
    if (items.length === 0) return;
    for (const item of items) if (item.plan.action === 'adjusted' && item.project) await this.runner.transition(db, user, this.sheets.kind, item.project, 'adjust', {});

    const fresh = items.filter((i) => !i.project);
    for (const item of fresh) item.plan.projectId = randomUUID();
    await insertAll(db, 'projects', PROJECT_COLUMNS(year, unit.id, user.id), fresh);
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
    const known = items.filter((i) => i.project).map((i) => i.plan.projectId as string);
    const existingSheets = known.length ? await db.createQueryBuilder(TargetSheet, 's').setLock('pessimistic_write').where('s.project_id = ANY(:known)', { known }).getMany() : [];
    const planned = new Map(items.map((i) => [i.plan.projectId as string, i]));
    const scope = await this.scope.of(user);
    for (const sheet of existingSheets) {
      const item = planned.get(sheet.projectId) as Planned;
      const decision = await this.runner.decision(user, this.sheets.kind, item.project as Project, sheet, 'import', {}, scope);
      if (!decision.ok) throw new ConflictException('导入期间有绩效目标被提交或修改，请重新预览后再导入');
      sheetIds.set(sheet.projectId, sheet.id);
    }
    // a new sheet is stored at version 1 at once; existing ones move on by one below
    const withoutSheet = items.filter((i) => !sheetIds.has(i.plan.projectId as string));
    const newSheets = new Map(withoutSheet.map((i) => [randomUUID(), i.plan.projectId as string]));
    await insertAll(db, 'target_sheets', SHEET_COLUMNS(user.id), [...newSheets]);
    for (const [sheetId, projectId] of newSheets) sheetIds.set(projectId, sheetId);
    // a sheet made just now has no rows to keep or delete: the writer is told so, and only inserts
    const rowsOf = (list: Planned[]) => list.map((item) => ({ sheetId: sheetIds.get(item.plan.projectId as string) as string, rows: item.rows }));
    const withSheet = new Set(existingSheets.map((x) => x.projectId));
    await this.rows.write(db, rowsOf(items.filter((i) => withSheet.has(i.plan.projectId as string))));
    await this.rows.write(db, rowsOf(withoutSheet), new Map([...newSheets.keys()].map((id) => [id, []])));
    const updated = existingSheets.map((x) => x.id);
    if (updated.length) await db.query('UPDATE target_sheets SET version = version + 1, updated_by = $2, updated_at = now() WHERE id = ANY($1::uuid[])', [updated, user.id]);
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

interface UnitGroup {
  unit: Organization;
  /** Made by this import (a unit row naming no unit of the department). */
  created: boolean;
  projects: ImportedProject[];
}

interface Existing {
  scope: Scope;
  lastYearOf: (projectName: string, indicatorName: string) => string | null;
  byCode: Map<string, Project>;
  byName: Map<string, Project>;
  sheetOf: Map<string, TargetSheet>;
  rowsOf: (sheetId: string) => TargetIndicatorDto[];
}

const PROJECT_COLUMNS = (year: number, unitId: string, userId: string): ColumnOf<Planned>[] => [
  ['id', 'uuid', (i) => i.plan.projectId],
  ['fiscal_year', 'int', () => year],
  ['unit_id', 'uuid', () => unitId],
  ['code', 'varchar', (i) => i.imported.code],
  ['name', 'varchar', (i) => i.imported.name],
  ['overall_goal', 'text', (i) => i.imported.goal],
  ['category', 'varchar', (i) => i.imported.budgetLine?.category ?? null],
  ['level', 'varchar', (i) => i.imported.budgetLine?.level ?? '本级'],
  ['funds_total', 'numeric', (i) => fundsOf(i.imported).fundsTotal],
  ['funds_current_year_appropriation', 'numeric', (i) => fundsOf(i.imported).fundsCurrentYearAppropriation],
  ['funds_carry_over', 'numeric', (i) => fundsOf(i.imported).fundsCarryOver],
  ['funds_other', 'numeric', (i) => fundsOf(i.imported).fundsOther],
  ['created_by', 'uuid', () => userId],
  ['updated_by', 'uuid', () => userId],
];

const SHEET_COLUMNS = (userId: string): ColumnOf<[sheetId: string, projectId: string]>[] => [
  ['id', 'uuid', ([sheetId]) => sheetId],
  ['project_id', 'uuid', ([, projectId]) => projectId],
  ['version', 'int', () => 1],
  ['created_by', 'uuid', () => userId],
  ['updated_by', 'uuid', () => userId],
];

const ACTION_WORDS = { created: '导入新建', updated: '导入更新', adjusted: '导入调整', unchanged: '无变化' } as const;

/** Imported rows take the id of the existing indicator with the same 一级/二级/三级, so what hangs on it stays. */
function withKeptIds(rows: TargetIndicatorDto[], current: TargetIndicatorDto[]): TargetIndicatorDto[] {
  const key = (r: TargetIndicatorDto) => `${normaliseIndicatorName(r.level1)}\u0000${normaliseIndicatorName(r.level2)}\u0000${r.name.trim()}`;
  const pool = new Map<string, string[]>();
  for (const r of current) if (r.id) pool.set(key(r), [...(pool.get(key(r)) ?? []), r.id]);
  return rows.map((r) => {
    const id = pool.get(key(r))?.shift();
    return id ? { ...r, id } : r;
  });
}

function chunks<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
