import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionUser } from '@pm/api-contract';
import { DataSource } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { badRequest } from '../common/api-error';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { ProjectsService } from '../projects/projects.service';
import { TargetSheet } from '../targets/target-sheet.entity';
import { IndicatorRowsStore } from '../targets/indicator-rows.store';
import { DepartmentTargetsService } from '../department-targets/department-targets.service';
import { departmentSummaryWorkbook } from './department-summary.workbook';
import { departmentTargetWorkbook } from './department-target.workbook';
import { projectFormWorkbook } from './project-form.workbook';
import { ExportedUnit, targetTableWorkbook } from './target-table.workbook';

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
    return { fileName: `${target.departmentName} ${year} 年部门整体绩效目标表.xlsx`, content: await departmentTargetWorkbook(target) };
  }

  async targetTables(user: SessionUser, fiscalYear: number, organizationId: string): Promise<ExportFile> {
    await this.scope.assertReadable(user, organizationId);
    const organization = await this.dataSource.getRepository(Organization).findOneBy({ id: organizationId });
    if (!organization || organization.kind === 'finance') throw badRequest('请选择预算单位或主管部门');
    const units = organization.kind === 'unit' ? [organization] : await this.dataSource.getRepository(Organization).find({ where: { parentId: organization.id, kind: 'unit' }, order: { name: 'ASC' } });
    const exported: ExportedUnit[] = [];
    for (const unit of units) {
      const projects = await this.dataSource.getRepository(Project).find({ where: { fiscalYear, unitId: unit.id }, order: { createdAt: 'ASC' } });
      exported.push({ name: unit.name, projects: await Promise.all(projects.map((p) => this.exported(p))) });
    }
    const title = `${organization.name} ${fiscalYear} 年项目支出绩效目标表`;
    return { fileName: `${title}.xlsx`, content: await targetTableWorkbook(title, exported) };
  }

  /** 部门预算项目绩效目标汇总表 of a department's units (or one unit) for a year. */
  async departmentSummary(user: SessionUser, fiscalYear: number, organizationId: string): Promise<ExportFile> {
    await this.scope.assertReadable(user, organizationId);
    const organizations = this.dataSource.getRepository(Organization);
    const organization = await organizations.findOneBy({ id: organizationId });
    if (!organization || organization.kind === 'finance') throw badRequest('请选择主管部门或预算单位');
    const units = organization.kind === 'unit' ? [organization] : await organizations.find({ where: { parentId: organization.id, kind: 'unit' }, order: { name: 'ASC' } });
    const projects = [];
    for (const unit of units) {
      for (const project of await this.dataSource.getRepository(Project).find({ where: { fiscalYear, unitId: unit.id }, order: { createdAt: 'ASC' } })) {
        projects.push({ code: project.code, name: project.name, unitName: unit.name, fundsTotal: project.fundsTotal, indicators: (await this.exported(project)).indicators });
      }
    }
    const title = `${organization.name} ${fiscalYear} 年部门预算项目绩效目标汇总表`;
    return { fileName: `${title}.xlsx`, content: await departmentSummaryWorkbook(title, projects) };
  }

  /** One project as the per-project form (项目名称 / 主管部门 / 资金 in 万元 / 年度总体目标, then the indicators). */
  async projectSheet(user: SessionUser, projectId: string): Promise<ExportFile> {
    const project = await this.projects.findVisible(user, projectId);
    const organizations = this.dataSource.getRepository(Organization);
    const unit = await organizations.findOneByOrFail({ id: project.unitId });
    const department = unit.parentId ? await organizations.findOneBy({ id: unit.parentId }) : null;
    const { indicators } = await this.exported(project);
    const content = await projectFormWorkbook({
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

  private async exported(project: Project) {
    const sheet = await this.dataSource.getRepository(TargetSheet).findOneBy({ projectId: project.id });
    return { name: project.name, goal: project.overallGoal, indicators: sheet ? await this.rows.rowsOf(this.dataSource.manager, sheet.id) : [] };
  }
}
