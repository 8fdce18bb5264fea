import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DepartmentTargetImportResult, ImportedDepartmentTargetPlan, ImportNoteDto, SessionUser, TargetIndicatorDto } from '@pm/api-contract';
import { checkDepartmentTarget, DEPARTMENT_DICTIONARY, DepartmentBudget, ImportedDepartmentTarget, normaliseIndicatorName } from '@pm/domain';
import Decimal from 'decimal.js';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { badRequest } from '../common/api-error';
import { DepartmentTarget } from '../department-targets/department-target.entity';
import { DepartmentTargetsService } from '../department-targets/department-targets.service';
import { FiscalYearsService } from '../fiscal-years/fiscal-years.service';
import { Organization } from '../organizations/organization.entity';
import { SettingsService } from '../settings/settings.service';
import { readTables, TablesInput } from './workbook';

type StoredIndicator = TargetIndicatorDto & { id: string };

/**
 * Imports a 部门（单位）整体绩效目标表 (alone, or found in a whole disclosure document) as a department's
 * draft overall target of a year: read in a worker thread by the domain's reader, planned (created /
 * updated / unchanged), asked of the chain exactly as a save is (the department's own reviewer, while a
 * draft), then stored whole through the department-targets service — or, with any bad row, refused
 * with every row's reason and nothing stored.
 */
@Injectable()
export class DepartmentTargetImportService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly fiscalYears: FiscalYearsService,
    private readonly settings: SettingsService,
    private readonly targets: DepartmentTargetsService,
  ) {}

  async importDepartmentTarget(user: SessionUser, options: { fiscalYear: number; dryRun: boolean; organizationId?: string }, sources: TablesInput): Promise<DepartmentTargetImportResult> {
    await this.fiscalYears.assertExists(options.fiscalYear);
    const { department, target: existing } = await this.targets.importable(user, await this.departmentId(user, options.organizationId), options.fiscalYear);
    const reading = await readTables('departmentTargets', sources);
    if (reading.tables === 0) {
      throw badRequest('没有找到部门（单位）整体绩效目标表：表中应有“部门整体绩效目标表”标题，或“年度履职目标”和绩效指标（一级指标、三级指标、指标值）');
    }
    const errors: ImportNoteDto[] = [...reading.errors];
    for (const extra of reading.targets.slice(1)) {
      errors.push({ source: extra.source, row: extra.row, column: null, message: `文件中有 ${reading.targets.length} 张部门整体绩效目标表，请每次只导入一个部门的一张表` });
    }
    const imported = reading.targets[0];
    const indicators = withKeptIds(imported.indicators.map(asIndicator), existing?.indicators ?? []);
    const content = { duties: imported.duties, tasks: imported.tasks, budget: imported.budget, indicators };
    const checks = checkDepartmentTarget(content, await this.settings.profileForYear(options.fiscalYear));
    const action = !existing || existing.version === 0 ? 'created' : sameContent(existing, content) ? 'unchanged' : 'updated';
    const plan: ImportedDepartmentTargetPlan = {
      departmentId: department.id,
      name: department.name,
      action,
      duties: content.duties.length,
      tasks: content.tasks.length,
      indicators: content.indicators.length,
      budget: content.budget,
      blocking: checks.filter((c) => c.severity === 'blocking').length,
      warnings: checks.filter((c) => c.severity === 'warning').length,
    };
    const result: DepartmentTargetImportResult = {
      dryRun: options.dryRun,
      fiscalYear: options.fiscalYear,
      tables: reading.tables,
      departments: [plan],
      repairs: reading.repairs,
      errors,
      warnings: warningsOf(imported, department, options.fiscalYear),
    };
    if (errors.length > 0) {
      throw badRequest(
        `导入内容有 ${errors.length} 处问题，未导入任何内容`,
        errors.map((e) => ({ row: e.row, ...(e.column ? { field: e.column } : {}), message: `${e.source} 第 ${e.row} 行${e.column ? `（${e.column}）` : ''}：${e.message}` })),
        { preview: result },
      );
    }
    if (options.dryRun || action === 'unchanged') return result;
    const note = `导入 ${plan.duties} 条履职目标、${plan.tasks} 项主要任务、${plan.indicators} 条指标（${imported.source}）`;
    await this.targets.storeImported(user, department.id, options.fiscalYear, existing?.version ?? 0, content, note);
    return result;
  }

  /** The department named, or the user's own when it is one; whether it is one in sight is the service's to say (404 otherwise). */
  private async departmentId(user: SessionUser, organizationId?: string): Promise<string> {
    if (organizationId) return organizationId;
    const own = await this.dataSource.getRepository(Organization).findOneBy({ id: user.organizationId });
    if (own?.kind !== 'department') throw badRequest('请选择导入到哪个主管部门', [{ field: 'organizationId', message: '请选择主管部门' }]);
    return own.id;
  }
}

function asIndicator(i: ImportedDepartmentTarget['indicators'][number]): TargetIndicatorDto {
  return {
    level1: i.level1,
    level2: i.level2,
    name: i.name,
    comparator: i.comparator,
    value: i.value,
    unit: i.unit,
    kind: i.kind,
    content: i.content,
    basis: i.basis,
    lastYearActual: i.lastYearActual,
    lastYearActualText: i.lastYearActualText ?? null,
    // a department's overall target sets no weights (the table's 分值 is read and said, not kept)
    weight: null,
    scoringRule: i.scoringRule,
    evidence: i.evidence,
  };
}

const rowKey = (r: { level1: string; level2: string; name: string }) =>
  `${normaliseIndicatorName(r.level1, DEPARTMENT_DICTIONARY)}\u0000${normaliseIndicatorName(r.level2, DEPARTMENT_DICTIONARY)}\u0000${r.name.trim()}`;

/** Imported rows take the id of the target's indicator with the same 一级/二级/三级, so what hangs on it stays; others get a new one. */
function withKeptIds(rows: TargetIndicatorDto[], current: DepartmentTarget['indicators']): StoredIndicator[] {
  const pool = new Map<string, string[]>();
  for (const r of current) pool.set(rowKey(r), [...(pool.get(rowKey(r)) ?? []), r.id]);
  return rows.map((r) => ({ ...r, id: pool.get(rowKey(r))?.shift() ?? randomUUID() }));
}

const INDICATOR_FIELDS = ['level1', 'level2', 'name', 'comparator', 'value', 'unit', 'kind', 'content', 'basis', 'lastYearActual', 'lastYearActualText', 'scoringRule', 'evidence'] as const;

/** The stored draft already says what the table says (ids aside): the import changes nothing. */
function sameContent(target: DepartmentTarget, content: { duties: string[]; tasks: { name: string; content: string }[]; budget: DepartmentBudget; indicators: StoredIndicator[] }): boolean {
  const text = (v: unknown) => (v === undefined || v === null ? '' : String(v));
  const budget: DepartmentBudget = { total: target.budgetTotal, basic: target.budgetBasic, project: target.budgetProject, appropriation: target.budgetAppropriation, carryOver: target.budgetCarryOver, other: target.budgetOther };
  const stored = target.indicators as unknown as Record<string, unknown>[];
  return (
    JSON.stringify(target.duties) === JSON.stringify(content.duties.map((d) => d.trim()).filter(Boolean)) &&
    JSON.stringify(target.tasks.map((t) => [t.name, t.content])) === JSON.stringify(content.tasks.map((t) => [t.name.trim(), t.content.trim()])) &&
    (Object.keys(budget) as (keyof DepartmentBudget)[]).every((k) => new Decimal(budget[k] || '0').equals(new Decimal(content.budget[k] || '0'))) &&
    stored.length === content.indicators.length &&
    content.indicators.every((r, i) => INDICATOR_FIELDS.every((f) => text(stored[i][f]) === text((r as unknown as Record<string, unknown>)[f])))
  );
}

/** A table naming another department or year than the one imported into (SPEC §11 `warnings`): said, not refused. */
function warningsOf(imported: ImportedDepartmentTarget, department: Organization, year: number): { message: string }[] {
  const warnings: { message: string }[] = [];
  const compact = (name: string) => name.replace(/[\s\u3000]|（本级）|\(本级\)/g, '');
  const named = imported.departmentName ? compact(imported.departmentName) : '';
  const ours = compact(department.name);
  if (named && !named.includes(ours) && !ours.includes(named)) warnings.push({ message: `表中的部门（单位）名称是“${imported.departmentName}”，不是导入到的“${department.name}”，请确认` });
  if (imported.fiscalYear && imported.fiscalYear !== year) warnings.push({ message: `表格标题是 ${imported.fiscalYear} 年度，导入到的是 ${year} 年度，请确认` });
  return warnings;
}
