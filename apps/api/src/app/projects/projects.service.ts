import { containsPattern } from '../common/text';
import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CreateProjectRequest, Page, ProjectDto, ProjectListQuery, SessionUser } from '@pm/api-contract';
import { fundSplitProblem, SheetStatus } from '@pm/domain';
import { Repository } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { badRequest } from '../common/api-error';
import { FiscalYearsService } from '../fiscal-years/fiscal-years.service';
import { Organization } from '../organizations/organization.entity';
import { TargetSheet } from '../targets/target-sheet.entity';
import { Project } from './project.entity';

type ProjectRow = Project & { unitName: string; sheetStatus: SheetStatus | null; sheetVersion: number | null; sheetAdjusting: boolean | null; sheetHistory: number | null };

export const toProjectDto = (p: ProjectRow): ProjectDto => ({
  id: p.id,
  fiscalYear: p.fiscalYear,
  unitId: p.unitId,
  unitName: p.unitName,
  code: p.code,
  name: p.name,
  category: p.category,
  level: p.level,
  leadName: p.leadName,
  overallGoal: p.overallGoal,
  funds: {
    total: p.fundsTotal,
    currentYearAppropriation: p.fundsCurrentYearAppropriation,
    carryOver: p.fundsCarryOver,
    other: p.fundsOther,
  },
  midTerm: { year1: p.midTermYear1, year2: p.midTermYear2, year3: p.midTermYear3 },
  targetSheet: { status: p.sheetStatus ?? 'draft', version: p.sheetVersion ?? 0, isAdjustment: p.sheetAdjusting ?? false, historyVersion: p.sheetHistory ?? 0 },
});

@Injectable()
export class ProjectsService {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly scope: ScopeService,
    private readonly fiscalYears: FiscalYearsService,
  ) {}

  /**
   * A page of the projects in scope: the page's ids and the total in one statement (prepared; the
   * sheet joined only when filtering by its status), then those rows in full.
   */
  async list(user: SessionUser, query: ProjectListQuery): Promise<Page<ProjectDto>> {
    const pageSize = query.pageSize ?? 50;
    const params: unknown[] = [];
    const where: string[] = [];
    const param = (value: unknown) => `$${params.push(value)}`;
    const inScope = await this.scope.readableCondition(user, 'p.unit_id', params);
    if (inScope) where.push(inScope);
    if (query.fiscalYear) where.push(`p.fiscal_year = ${param(query.fiscalYear)}`);
    if (query.unitId) where.push(`p.unit_id = ${param(query.unitId)}`);
    if (query.departmentId) where.push(`p.unit_id IN (SELECT d.id FROM organizations d WHERE d.parent_id = ${param(query.departmentId)})`);
    if (query.status) where.push(`coalesce(s.status, 'draft') = ${param(query.status)}`);
    const q = query.q?.trim();
    if (q) where.push(`(p.name ILIKE ${param(containsPattern(q))} OR p.code ILIKE $${params.length})`);
    const sheet = query.status ? 'LEFT JOIN target_sheets s ON s.project_id = p.id' : '';
    const page: { id: string; total: string }[] = await this.projects.query(
      `/* prepare:project-list */ SELECT p.id, count(*) OVER () AS total
         FROM projects p JOIN organizations o ON o.id = p.unit_id ${sheet}
        ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
        ORDER BY p.fiscal_year DESC, o.name, p.name, p.id
        LIMIT ${param(pageSize)} OFFSET ${param(((query.page ?? 1) - 1) * pageSize)}`,
      params,
    );
    if (page.length === 0) return { items: [], total: query.page && query.page > 1 ? await this.count(where, params.slice(0, -2), sheet) : 0 };
    const found = this.rows(await this.baseQuery().where('p.id IN (:...ids)', { ids: page.map((r) => r.id) }).getRawAndEntities());
    const byId = new Map(found.map((p) => [p.id, p]));
    return { items: page.map((r) => byId.get(r.id)).filter((p): p is ProjectDto => !!p), total: Number(page[0].total) };
  }

  /** The total alone, for a page past the end. */
  private async count(where: string[], params: unknown[], sheet: string): Promise<number> {
    const [row] = await this.projects.query(`SELECT count(*) AS n FROM projects p ${sheet} ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`, params);
    return Number(row.n);
  }

  async get(user: SessionUser, id: string): Promise<ProjectDto> {
    const builder = this.baseQuery().where('p.id = :id', { id });
    await this.scope.restrict(user, builder, 'p.unit_id');
    const [project] = this.rows(await builder.getRawAndEntities());
    if (!project) throw new NotFoundException('未找到该项目，或您无权查看');
    return project;
  }

  /** The project when the user may read it; 404 otherwise, so existence is not disclosed. */
  async findVisible(user: SessionUser, id: string): Promise<Project> {
    // every route of a project starts here: prepared once per connection
    return this.assertVisible(user, await this.projects.createQueryBuilder('p').comment('prepare:project-by-id').where('p.id = :id', { id }).getOne());
  }

  /** The project when the user may see it; 404 when it does not exist or is out of scope. */
  async assertVisible<P extends Project>(user: SessionUser, project: P | null | undefined): Promise<P> {
    if (!project) throw new NotFoundException('未找到该项目，或您无权查看');
    await this.scope.assertReadable(user, project.unitId);
    return project;
  }

  async create(user: SessionUser, body: CreateProjectRequest): Promise<ProjectDto> {
    const unit = await this.organizations.findOneBy({ id: body.unitId });
    if (!unit) throw badRequest('预算单位不存在', [{ field: 'unitId', message: '预算单位不存在' }]);
    await this.scope.assertWritable(user, unit.id);
    if (unit.kind !== 'unit') throw badRequest('项目须属于预算单位', [{ field: 'unitId', message: '请选择预算单位' }]);
    await this.fiscalYears.assertOpen(body.fiscalYear);
    const splitProblem = fundSplitProblem(body.funds);
    if (splitProblem) throw badRequest(splitProblem, [{ field: 'funds.total', message: splitProblem }]);
    const name = body.name.trim();
    const code = body.code?.trim() || null;
    await this.assertUnique(body.fiscalYear, unit.id, name, code);
    const saved = await this.projects.save(
      this.projects.create({
        fiscalYear: body.fiscalYear,
        unitId: unit.id,
        code,
        name,
        category: body.category?.trim() || null,
        level: body.level ?? '本级',
        leadName: body.leadName?.trim() || null,
        overallGoal: body.overallGoal?.trim() ?? '',
        fundsTotal: body.funds.total,
        fundsCurrentYearAppropriation: body.funds.currentYearAppropriation,
        fundsCarryOver: body.funds.carryOver,
        fundsOther: body.funds.other,
        midTermYear1: body.midTerm?.year1 ?? null,
        midTermYear2: body.midTerm?.year2 ?? null,
        midTermYear3: body.midTerm?.year3 ?? null,
        createdBy: user.id,
        updatedBy: user.id,
      }),
    );
    return this.get(user, saved.id);
  }

  private baseQuery() {
    return this.projects
      .createQueryBuilder('p')
      .innerJoin(Organization, 'o', 'o.id = p.unit_id')
      .leftJoin(TargetSheet, 's', 's.project_id = p.id')
      .addSelect('o.name', 'unit_name')
      .addSelect('s.status', 'sheet_status')
      .addSelect('s.version', 'sheet_version')
      .addSelect('s.is_adjustment', 'sheet_adjusting')
      .addSelect(`(SELECT max(v.number) FROM document_versions v WHERE v.document_kind = 'target_sheet' AND v.document_id = s.id)`, 'sheet_history');
  }

  private rows(result: { entities: Project[]; raw: { unit_name: string; sheet_status: SheetStatus | null; sheet_version: number | null; sheet_adjusting: boolean | null; sheet_history: number | null }[] }): ProjectDto[] {
    return result.entities.map((p, i) => {
      const raw = result.raw[i];
      return toProjectDto({ ...p, unitName: raw.unit_name, sheetStatus: raw.sheet_status, sheetVersion: raw.sheet_version, sheetAdjusting: raw.sheet_adjusting, sheetHistory: raw.sheet_history === null ? null : Number(raw.sheet_history) });
    });
  }

  private async assertUnique(year: number, unitId: string, name: string, code: string | null): Promise<void> {
    const sameName = await this.projects.existsBy({ fiscalYear: year, unitId, name });
    if (sameName) throw badRequest(`本单位 ${year} 年度已有名为「${name}」的项目`, [{ field: 'name', message: '项目名称重复' }]);
    if (code && (await this.projects.existsBy({ fiscalYear: year, unitId, code }))) {
      throw badRequest(`本单位 ${year} 年度已有编码为 ${code} 的项目`, [{ field: 'code', message: '项目编码重复' }]);
    }
  }
}
