import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ImportedProjectPlan, SessionUser, TargetIndicatorDto, TargetTableImportResult } from '@pm/api-contract';
import { checkSheet, diffRows, ImportedProject, readTargetTables, TableSource } from '@pm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { FiscalYearsService } from '../fiscal-years/fiscal-years.service';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { SettingsService } from '../settings/settings.service';
import { SheetTransitionsService } from '../targets/sheet-transitions.service';
import { TargetSheet } from '../targets/target-sheet.entity';
import { TargetSheetsService } from '../targets/target-sheets.service';

interface Planned {
  imported: ImportedProject;
  plan: ImportedProjectPlan;
  project: Project | null;
  sheet: TargetSheet | null;
  rows: TargetIndicatorDto[];
}

const ZERO_FUNDS = { fundsTotal: '0.00', fundsCurrentYearAppropriation: '0.00', fundsCarryOver: '0.00', fundsOther: '0.00' };

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
    private readonly sheets: TargetSheetsService,
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
    for (const imported of this.merged(reading.projects)) {
      const item = await this.plan(unit, options.fiscalYear, imported, profile);
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
    await this.dataSource.transaction(async (db) => {
      for (const item of planned) if (item.plan.action !== 'unchanged') item.plan.projectId = await this.apply(db, user, unit, options.fiscalYear, item, profile);
    });
    return result;
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

  private async plan(unit: Organization, year: number, imported: ImportedProject, profile: Awaited<ReturnType<SettingsService['profileForYear']>>): Promise<Planned | { refusal: string }> {
    const projects = this.dataSource.getRepository(Project);
    const project =
      (imported.code ? await projects.findOneBy({ fiscalYear: year, unitId: unit.id, code: imported.code }) : null) ??
      (await projects.findOneBy({ fiscalYear: year, unitId: unit.id, name: imported.name }));
    const sheet = project ? await this.dataSource.getRepository(TargetSheet).findOneBy({ projectId: project.id }) : null;
    const rows: TargetIndicatorDto[] = imported.indicators.map((i) => ({ ...i }));
    const checks = checkSheet(rows, profile, sheet?.levelWeights ?? {});
    const plan: ImportedProjectPlan = {
      name: imported.name,
      code: imported.code,
      action: 'create',
      indicators: rows.length,
      blocking: checks.filter((c) => c.severity === 'blocking').length,
      warnings: checks.filter((c) => c.severity === 'warning').length,
      projectId: project?.id ?? null,
    };
    if (project) {
      if (sheet && (sheet.status === 'submitted' || sheet.status === 'department_approved')) return { refusal: `“${imported.name}”的绩效目标正在审核中，不能导入覆盖；请审核人退回后再导入` };
      const current = sheet ? await this.sheets.rowsOf(this.dataSource.manager, sheet.id) : [];
      const same = sheet !== null && diffRows(current, rows).length === 0 && current.length === rows.length && (!imported.goal || imported.goal === project.overallGoal);
      plan.action = same ? 'unchanged' : sheet?.status === 'approved' ? 'adjust' : 'replace';
    }
    return { imported, plan, project, sheet, rows };
  }

  private async apply(db: EntityManager, user: SessionUser, unit: Organization, year: number, item: Planned, profile: Awaited<ReturnType<SettingsService['profileForYear']>>): Promise<string> {
    let project = item.project;
    if (!project) {
      const created = await db.save(
        db.create(Project, { fiscalYear: year, unitId: unit.id, code: item.imported.code, name: item.imported.name, level: '本级', overallGoal: item.imported.goal, ...ZERO_FUNDS, createdBy: user.id, updatedBy: user.id }),
      );
      await this.audit.record(db, user, [{ entity: 'project', entityId: created.id, organizationId: unit.id, action: 'import', field: 'name', newValue: created.name }]);
      project = created;
    } else if (item.imported.goal && item.imported.goal !== project.overallGoal) {
      await db.update(Project, { id: project.id }, { overallGoal: item.imported.goal, updatedBy: user.id });
      await this.audit.record(db, user, [{ entity: 'project', entityId: project.id, organizationId: unit.id, action: 'import', field: 'overallGoal', oldValue: project.overallGoal, newValue: item.imported.goal }]);
    }
    if (item.plan.action === 'adjust') await this.transitions.applyIn(db, user, project, 'adjust', {}, profile);
    const sheet = await db.findOneBy(TargetSheet, { projectId: project.id });
    await this.sheets.saveIn(db, user, project, { version: sheet?.version ?? 0, indicators: item.rows }, { imported: true });
    return project.id;
  }
}
