import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionUser, TargetIndicatorDto } from '@pm/api-contract';
import { DataSource } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { badRequest } from '../common/api-error';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { ProjectsService } from '../projects/projects.service';
import { TargetSheet } from '../targets/target-sheet.entity';
import { IndicatorRowsStore } from '../targets/indicator-rows.store';
import { DepartmentTargetsService } from '../department-targets/department-targets.service';
import { ExportedUnit } from './target-table.workbook';
import { buildWorkbook } from './workbooks';

export interface ExportFile {
  fileName: string;
  content: Buffer;
}

/** The official layouts out of the stored sheets, for one project, a unit, or a department's units. */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly projects: ProjectsService,
    private readonly rows: IndicatorRowsStore,
    private readonly departmentTargets: DepartmentTargetsService,
  ) {}

  async departmentTarget(user: SessionUser, departmentId: string, year: number): Promise<ExportFile> {
    const target = await this.departmentTargets.read(user, departmentId, year);
    return { fileName: `${target.departmentName} ${year} 年部门整体绩效目标表.xlsx`, content: await buildWorkbook('departmentTarget', target) };
  }

  async targetTables(user: SessionUser, fiscalYear: number, organizationId: string): Promise<ExportFile> {
    await this.scope.assertReadable(user, organizationId);
    const organization = await this.dataSource.getRepository(Organization).findOneBy({ id: organizationId });
    if (!organization || organization.kind === 'finance') throw badRequest('请选择预算单位或主管部门');
    const units = await this.unitsOf(organization);
    const byUnit = await this.projectsOfUnits(fiscalYear, units);
    const exported: ExportedUnit[] = units.map((unit) => ({ name: unit.name, projects: (byUnit.get(unit.id) ?? []).map(({ project, indicators }) => ({ name: project.name, goal: project.overallGoal, indicators })) }));
    const title = `${organization.name} ${fiscalYear} 年项目支出绩效目标表`;
    const content = await buildWorkbook('targetTable', title, exported);
    return { fileName: `${title}.xlsx`, content };
  }

  /** 部门预算项目绩效目标汇总表 of a department's units (or one unit) for a year. */
  async departmentSummary(user: SessionUser, fiscalYear: number, organizationId: string): Promise<ExportFile> {
    await this.scope.assertReadable(user, organizationId);
    const organizations = this.dataSource.getRepository(Organization);
    const organization = await organizations.findOneBy({ id: organizationId });
    if (!organization || organization.kind === 'finance') throw badRequest('请选择主管部门或预算单位');
    const units = await this.unitsOf(organization);
    const byUnit = await this.projectsOfUnits(fiscalYear, units);
    const projects = units.flatMap((unit) =>
      (byUnit.get(unit.id) ?? []).map(({ project, indicators }) => ({
        code: project.code,
        name: project.name,
        unitName: unit.name,
        fundsTotal: project.fundsTotal,
        indicators,
      })),
    );
    const title = `${organization.name} ${fiscalYear} 年部门预算项目绩效目标汇总表`;
    return { fileName: `${title}.xlsx`, content: await buildWorkbook('departmentSummary', title, projects) };
  }

  /** One project as the per-project form (项目名称 / 主管部门 / 资金 in 万元 / 年度总体目标, then the indicators). */
  async projectSheet(user: SessionUser, projectId: string): Promise<ExportFile> {
    const project = await this.projects.findVisible(user, projectId);
    const organizations = this.dataSource.getRepository(Organization);
    const unit = await organizations.findOneByOrFail({ id: project.unitId });
    const department = unit.parentId ? await organizations.findOneBy({ id: unit.parentId }) : null;
    const sheet = await this.dataSource.getRepository(TargetSheet).findOneBy({ projectId: project.id });
    const indicators = sheet ? await this.rows.rowsOf(this.dataSource.manager, sheet.id) : [];
    const content = await buildWorkbook('projectForm', {
      fiscalYear: project.fiscalYear,
      name: project.name,
      departmentName: department?.name ?? '',
      unitName: unit.name,
      goal: project.overallGoal,
      funds: { total: project.fundsTotal, currentYearAppropriation: project.fundsCurrentYearAppropriation, carryOver: project.fundsCarryOver, other: project.fundsOther },
      indicators,
    });
    return { fileName: `${project.name} ${project.fiscalYear} 年项目支出绩效目标表.xlsx`, content };
  }

  /** A unit itself, or a department's units by name. */
  private unitsOf(organization: Organization): Promise<Organization[]> | Organization[] {
    if (organization.kind === 'unit') return [organization];
    return this.dataSource.getRepository(Organization).find({ where: { parentId: organization.id, kind: 'unit' }, order: { name: 'ASC' } });
  }

  /** The units' projects of the year with their indicator rows, in creation order: three queries for any number of projects. */
  private async projectsOfUnits(fiscalYear: number, units: Organization[]): Promise<Map<string, { project: Project; indicators: TargetIndicatorDto[] }[]>> {
    const projects = await this.dataSource
      .getRepository(Project)
      .createQueryBuilder('p')
      .where('p.fiscal_year = :fiscalYear AND p.unit_id = ANY(:units)', { fiscalYear, units: units.map((u) => u.id) })
      // projects imported together share a creation time: their names keep the order stable
      .orderBy('p.created_at', 'ASC')
      .addOrderBy('p.name', 'ASC')
      .getMany();
    const ids = projects.map((p) => p.id);
    const sheets = ids.length ? await this.dataSource.getRepository(TargetSheet).createQueryBuilder('s').where('s.project_id = ANY(:ids)', { ids }).getMany() : [];
    const sheetOf = new Map(sheets.map((s) => [s.projectId, s.id]));
    const rows = await this.rows.rowsOfSheets(this.dataSource.manager, sheets.map((s) => s.id));
    const byUnit = new Map<string, { project: Project; indicators: TargetIndicatorDto[] }[]>();
    for (const project of projects) {
      const list = byUnit.get(project.unitId) ?? [];
      list.push({ project, indicators: rows.get(sheetOf.get(project.id) ?? '') ?? [] });
      byUnit.set(project.unitId, list);
    }
    return byUnit;
  }
}
