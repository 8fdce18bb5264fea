import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DepartmentTargetInboxItem, SessionUser } from '@pm/api-contract';
import { DEPARTMENT_TARGET_CHAIN, DepartmentTargetStatus, inboxStage } from '@pm/domain';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { FiscalYear } from '../fiscal-years/fiscal-year.entity';
import { ChainInboxSource, InboxService, Waiting } from '../inbox/inbox.service';
import { Organization } from '../organizations/organization.entity';
import { DepartmentTarget } from './department-target.entity';

interface Row {
  department_id: string;
  department_name: string;
  fiscal_year: number;
  status: DepartmentTargetStatus | null;
  returned: boolean;
  since: string;
  deadline: string | null;
}

/** A department fills in its overall target for every open year; finance reviews what was submitted. */
@Injectable()
export class DepartmentTargetInbox extends ChainInboxSource<Row> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    scope: ScopeService,
    inbox: InboxService,
  ) {
    super(scope, inbox);
  }

  readonly kind = 'department_target';

  async waitingQuery(user: SessionUser): Promise<SelectQueryBuilder<ObjectLiteral> | null> {
    const query = this.dataSource
      .createQueryBuilder(Organization, 'o')
      .innerJoin(FiscalYear, 'y', "y.status = 'open'")
      .leftJoin(DepartmentTarget, 't', 't.department_id = o.id AND t.fiscal_year = y.year')
      .select([
        'o.id AS department_id',
        'o.id AS inbox_key',
        'o.name AS department_name',
        'y.year AS fiscal_year',
        't.status AS status',
        't.returned_version_id IS NOT NULL AS returned',
        'coalesce(t.updated_at, y.created_at) AS since',
        "to_char(y.target_deadline, 'YYYY-MM-DD') AS deadline",
      ])
      .where("o.kind = 'department'");
    const states = await this.awaiting(user, DEPARTMENT_TARGET_CHAIN, query, 'o.id');
    if (states.length === 0) return null;
    query.andWhere("coalesce(t.status, 'draft') = ANY(:states)", { states });
    return query;
  }

  item(r: Row): Waiting<DepartmentTargetInboxItem> {
    return {
      kind: 'department_target',
      departmentId: r.department_id,
      unitName: r.department_name,
      fiscalYear: r.fiscal_year,
      status: r.status ?? 'draft',
      stage: inboxStage(r.status, r.returned, 'submitted'),
      reason: r.status === 'submitted' ? '部门整体目标待批复' : r.status === null ? '部门整体目标待填报' : r.returned ? '部门整体目标被退回，待修改' : '部门整体目标待提交',
      since: new Date(r.since).toISOString(),
      deadline: r.deadline,
    };
  }
}
