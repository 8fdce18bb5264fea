import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DepartmentSelfEvaluationInboxItem, SessionUser } from '@pm/api-contract';
import { DEPARTMENT_SELF_EVALUATION_CHAIN, DepartmentSelfEvaluationStatus, inboxStage } from '@pm/domain';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ScopeService } from '../../access/scope.service';
import { ChainInboxSource, InboxService, Waiting } from '../../inbox/inbox.service';
import { Organization } from '../../organizations/organization.entity';
import { DepartmentSelfEvaluation } from './department-self-evaluation.entity';

interface Row {
  department_id: string;
  department_name: string;
  fiscal_year: number;
  status: DepartmentSelfEvaluationStatus | null;
  returned: boolean;
  since: string;
  deadline: string | null;
}

/** Once finance opens a year's self-evaluation, each department files its 部门整体支出绩效自评表; finance reviews what was submitted. */
@Injectable()
export class DepartmentSelfEvaluationInbox extends ChainInboxSource<Row> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    scope: ScopeService,
    inbox: InboxService,
  ) {
    super(scope, inbox);
  }

  readonly kind = 'department_self_evaluation';

  async waitingQuery(user: SessionUser): Promise<SelectQueryBuilder<ObjectLiteral> | null> {
    const query = this.dataSource
      .createQueryBuilder(Organization, 'o')
      .innerJoin('self_evaluation_rounds', 'r', 'true')
      .leftJoin(DepartmentSelfEvaluation, 'e', 'e.department_id = o.id AND e.fiscal_year = r.fiscal_year')
      .select([
        'o.id AS department_id',
        'o.id AS inbox_key',
        'o.name AS department_name',
        'r.fiscal_year AS fiscal_year',
        'e.status AS status',
        'e.returned_version_id IS NOT NULL AS returned',
        'coalesce(e.updated_at, r.created_at) AS since',
        "to_char(r.deadline, 'YYYY-MM-DD') AS deadline",
      ])
      .where("o.kind = 'department'");
    const states = await this.awaiting(user, DEPARTMENT_SELF_EVALUATION_CHAIN, query, 'o.id');
    if (states.length === 0) return null;
    query.andWhere("coalesce(e.status, 'draft') = ANY(:states)", { states });
    return query;
  }

  item(r: Row): Waiting<DepartmentSelfEvaluationInboxItem> {
    return {
      kind: 'department_self_evaluation',
      departmentId: r.department_id,
      unitName: r.department_name,
      fiscalYear: r.fiscal_year,
      status: r.status ?? 'draft',
      stage: inboxStage(r.status, r.returned),
      reason: r.status === 'submitted' ? '部门整体支出绩效自评表待审核' : r.status === null ? '部门整体支出绩效自评表待填报' : r.returned ? '部门整体支出绩效自评表被退回，待修改' : '部门整体支出绩效自评表待提交',
      since: new Date(r.since).toISOString(),
      deadline: r.deadline,
    };
  }
}
