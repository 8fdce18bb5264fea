import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BudgetCutInboxItem, SessionUser } from '@pm/api-contract';
import { BUDGET_CUT_CHAIN, BudgetCutStatus, inboxStage } from '@pm/domain';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { ChainInboxSource, InboxService, Waiting } from '../inbox/inbox.service';
import { BudgetCut } from './budget-cut.entity';

interface Row {
  id: string;
  report_id: string;
  project_id: string;
  project_name: string;
  unit_name: string;
  fiscal_year: number;
  status: BudgetCutStatus;
  since: string;
}

/** 调减预算申请: finance decides the submitted ones; a returned one waits for its lead. */
@Injectable()
export class BudgetCutInbox extends ChainInboxSource<Row> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    scope: ScopeService,
    inbox: InboxService,
  ) {
    super(scope, inbox);
  }

  readonly kind = 'budget_cut';

  async waitingQuery(user: SessionUser): Promise<SelectQueryBuilder<ObjectLiteral> | null> {
    const query = this.dataSource
      .createQueryBuilder(BudgetCut, 'c')
      .innerJoin('projects', 'p', 'p.id = c.project_id')
      .innerJoin('organizations', 'u', 'u.id = c.unit_id')
      .select(['c.id AS id', 'c.id AS inbox_key', 'c.report_id AS report_id', 'c.project_id AS project_id', 'p.name AS project_name', 'u.name AS unit_name', 'p.fiscal_year AS fiscal_year', 'c.status AS status', 'c.updated_at AS since']);
    const states = await this.awaiting(user, BUDGET_CUT_CHAIN, query, 'c.unit_id');
    if (states.length === 0) return null;
    return query.andWhere('c.status = ANY(:states)', { states });
  }

  item(r: Row): Waiting<BudgetCutInboxItem> {
    return {
      kind: 'budget_cut',
      budgetCutId: r.id,
      reportId: r.report_id,
      projectId: r.project_id,
      projectName: r.project_name,
      unitName: r.unit_name,
      fiscalYear: r.fiscal_year,
      status: r.status,
      stage: inboxStage(r.status, false),
      reason: r.status === 'submitted' ? '调减预算申请待审核' : '调减预算申请被退回',
      since: new Date(r.since).toISOString(),
      deadline: null,
    };
  }
}
