import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { InboxItem, InboxResponse, SessionUser } from '@pm/api-contract';
import { SheetStatus, statusAwaiting } from '@pm/domain';
import { Repository } from 'typeorm';
import { ScopeService } from '../access/scope.service';
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
    const awaited = statusAwaiting(user.role);
    if (!awaited) return { items: [], total: 0 };
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
    const items = rows.map((r): InboxItem => ({
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
    return { items, total: items.length };
  }
}

function reasonOf(r: Row): string {
  if (r.status === 'submitted') return '待审核';
  if (r.status === 'department_approved') return '待批复';
  if (r.returned) return '被退回，待修改';
  if (r.is_adjustment) return '调整中，待提交';
  return r.status ? '草稿，待提交' : '待填报';
}
