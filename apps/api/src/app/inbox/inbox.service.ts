import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DepartmentTargetInboxItem, InboxResponse, SessionUser, TargetSheetInboxItem } from '@pm/api-contract';
import { DepartmentTargetStatus, departmentTargetAwaiting, SheetStatus, statusAwaiting } from '@pm/domain';
import { Repository } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { DepartmentTarget } from '../department-targets/department-target.entity';
import { FiscalYear } from '../fiscal-years/fiscal-year.entity';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { TargetSheet } from '../targets/target-sheet.entity';

interface Row {
  project_id: string;
  project_name: string;
  unit_name: string;
  fiscal_year: number;
  status: SheetStatus | null;
  is_adjustment: boolean | null;
  returned: boolean | null;
  since: Date;
  deadline: string | null;
}

/** 待办: what waits for this user's action, in their scope, oldest first. */
@Injectable()
export class InboxService {
  constructor(
    @InjectRepository(Project) private readonly projects: Repository<Project>,
    private readonly scope: ScopeService,
  ) {}

  async of(user: SessionUser): Promise<InboxResponse> {
    const items = [...(await this.targetSheets(user)), ...(await this.departmentTargets(user))].sort((a, b) => a.since.localeCompare(b.since));
    return { items, total: items.length };
  }

  private async targetSheets(user: SessionUser): Promise<TargetSheetInboxItem[]> {
    const awaited = statusAwaiting(user.role);
    if (!awaited) return [];
    const query = this.projects
      .createQueryBuilder('p')
      .innerJoin(Organization, 'o', 'o.id = p.unit_id')
      .innerJoin(FiscalYear, 'y', "y.year = p.fiscal_year AND y.status = 'open'")
      .leftJoin(TargetSheet, 's', 's.project_id = p.id')
      .select([
        'p.id AS project_id',
        'p.name AS project_name',
        'o.name AS unit_name',
        'p.fiscal_year AS fiscal_year',
        's.status AS status',
        's.is_adjustment AS is_adjustment',
        's.returned_version_id IS NOT NULL AS returned',
        'coalesce(s.updated_at, p.created_at) AS since',
        "to_char(y.target_deadline, 'YYYY-MM-DD') AS deadline",
      ]);
    await this.scope.restrict(user, query, 'p.unit_id');
    if (awaited === 'draft') query.andWhere("(s.id IS NULL OR s.status = 'draft')");
    else query.andWhere('s.status = :awaited', { awaited });
    const rows = await query.orderBy('since', 'ASC').getRawMany<Row>();
    return rows.map((r): TargetSheetInboxItem => ({
      kind: 'target_sheet',
      projectId: r.project_id,
      projectName: r.project_name,
      unitName: r.unit_name,
      fiscalYear: r.fiscal_year,
      status: r.status ?? 'draft',
      reason: reasonOf(r),
      since: new Date(r.since).toISOString(),
      deadline: r.deadline,
    }));
  }

  /** A department fills in its overall target for every open year; finance reviews what was submitted. */
  private async departmentTargets(user: SessionUser): Promise<DepartmentTargetInboxItem[]> {
    const awaited = departmentTargetAwaiting(user.role);
    if (!awaited) return [];
    const query = this.projects.manager
      .createQueryBuilder(Organization, 'o')
      .innerJoin(FiscalYear, 'y', "y.status = 'open'")
      .leftJoin(DepartmentTarget, 't', 't.department_id = o.id AND t.fiscal_year = y.year')
      .select([
        'o.id AS department_id',
        'o.name AS department_name',
        'y.year AS fiscal_year',
        't.status AS status',
        't.last_comment IS NOT NULL AS returned',
        'coalesce(t.updated_at, y.created_at) AS since',
        "to_char(y.target_deadline, 'YYYY-MM-DD') AS deadline",
      ])
      .where("o.kind = 'department'");
    if (user.role === 'department_reviewer') query.andWhere('o.id = :own', { own: user.organizationId });
    await this.scope.restrict(user, query, 'o.id');
    if (awaited === 'draft') query.andWhere("(t.id IS NULL OR t.status = 'draft')");
    else query.andWhere('t.status = :awaited', { awaited });
    const rows = await query.getRawMany<{ department_id: string; department_name: string; fiscal_year: number; status: DepartmentTargetStatus | null; returned: boolean; since: Date; deadline: string | null }>();
    return rows.map((r) => ({
      kind: 'department_target',
      departmentId: r.department_id,
      unitName: r.department_name,
      fiscalYear: r.fiscal_year,
      status: r.status ?? 'draft',
      reason: r.status === 'submitted' ? '部门整体目标待批复' : r.status === null ? '部门整体目标待填报' : r.returned ? '部门整体目标被退回，待修改' : '部门整体目标待提交',
      since: new Date(r.since).toISOString(),
      deadline: r.deadline,
    }));
  }
}

function reasonOf(r: Row): string {
  if (r.status === 'submitted') return '待审核';
  if (r.status === 'department_approved') return '待批复';
  if (r.returned) return '被退回，待修改';
  if (r.is_adjustment) return '调整中，待提交';
  return r.status ? '草稿，待提交' : '待填报';
}
