import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReviewRequest, SelfEvaluationInboxItem, SessionUser } from '@pm/api-contract';
import { inboxStage, SELF_EVALUATION_CHAIN, SheetStatus } from '@pm/domain';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { ChainInboxSource, InboxService, Waiting } from '../inbox/inbox.service';
import { SelfEvaluation } from './self-evaluation.entity';
import { SelfEvaluationsService } from './self-evaluations.service';

interface Row {
  id: string;
  project_id: string;
  project_name: string;
  unit_name: string;
  fiscal_year: number;
  status: SheetStatus;
  version: number;
  returned: boolean;
  since: string;
  deadline: string | null;
}

/** 项目支出绩效自评表 of an open round to fill, or to review, with the round's deadline. */
@Injectable()
export class SelfEvaluationInbox extends ChainInboxSource<Row> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly evaluations: SelfEvaluationsService,
    scope: ScopeService,
    inbox: InboxService,
  ) {
    super(scope, inbox);
  }

  readonly kind = 'self_evaluation';

  readonly approval = {
    permission: 'selfEvaluation.review' as const,
    // the review grades belong to target sheets (SPEC §12): a report's approval takes the comment only
    approve: async (user: SessionUser, id: string, request: ReviewRequest) => (await this.evaluations.transition(user, id, 'approve', { comment: request.comment })).status,
  };

  async waitingQuery(user: SessionUser): Promise<SelectQueryBuilder<ObjectLiteral> | null> {
    const query = this.dataSource
      .createQueryBuilder(SelfEvaluation, 'e')
      .innerJoin('self_evaluation_rounds', 'o', 'o.id = e.round_id')
      .innerJoin('projects', 'p', 'p.id = e.project_id')
      .innerJoin('organizations', 'u', 'u.id = e.unit_id')
      .select([
        'e.id AS id',
        'e.id AS inbox_key',
        'e.project_id AS project_id',
        'p.name AS project_name',
        'u.name AS unit_name',
        'e.fiscal_year AS fiscal_year',
        'e.status AS status',
        'e.version AS version',
        'e.returned_version_id IS NOT NULL AS returned',
        'e.updated_at AS since',
        "to_char(o.deadline, 'YYYY-MM-DD') AS deadline",
      ]);
    const states = await this.awaiting(user, SELF_EVALUATION_CHAIN, query, 'e.unit_id');
    if (states.length === 0) return null;
    query.andWhere('e.status = ANY(:states)', { states });
    return query;
  }

  item(r: Row): Waiting<SelfEvaluationInboxItem> {
    return {
      kind: 'self_evaluation',
      selfEvaluationId: r.id,
      projectId: r.project_id,
      projectName: r.project_name,
      unitName: r.unit_name,
      fiscalYear: r.fiscal_year,
      status: r.status,
      stage: inboxStage(r.status, r.returned),
      reason: r.status === 'submitted' ? '自评表待审核' : r.status === 'department_approved' ? '自评表待财政审核' : r.returned ? '自评表被退回，待修改' : r.version === 0 ? '自评表待填报' : '自评表草稿，待提交',
      since: new Date(r.since).toISOString(),
      deadline: r.deadline,
    };
  }
}
