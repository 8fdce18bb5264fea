import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { MonitoringReportInboxItem, ReviewRequest, SessionUser } from '@pm/api-contract';
import { inboxStage, MONITORING_REPORT_CHAIN, SheetStatus } from '@pm/domain';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { ChainInboxSource, InboxService, Waiting } from '../inbox/inbox.service';
import { MonitoringReport } from './monitoring-report.entity';
import { MonitoringReportsService } from './monitoring-reports.service';

interface Row {
  id: string;
  project_id: string;
  project_name: string;
  unit_name: string;
  fiscal_year: number;
  round_id: string;
  cutoff_date: string;
  status: SheetStatus;
  version: number;
  returned: boolean;
  since: string;
  deadline: string;
}

/** 绩效运行监控表 to file (while its round is open) or to review, with the round's deadline. */
@Injectable()
export class MonitoringReportInbox extends ChainInboxSource<Row> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly reports: MonitoringReportsService,
    scope: ScopeService,
    inbox: InboxService,
  ) {
    super(scope, inbox);
  }

  readonly kind = 'monitoring_report';

  readonly approval = {
    permission: 'monitoring.review' as const,
    // the review grades belong to target sheets (SPEC §12): a report's approval takes the comment only
    approve: async (user: SessionUser, id: string, request: ReviewRequest) => (await this.reports.transition(user, id, 'approve', { comment: request.comment })).status,
  };

  async waitingQuery(user: SessionUser): Promise<SelectQueryBuilder<ObjectLiteral> | null> {
    const query = this.dataSource
      .createQueryBuilder(MonitoringReport, 'r')
      .innerJoin('monitoring_rounds', 'o', 'o.id = r.round_id')
      .innerJoin('projects', 'p', 'p.id = r.project_id')
      .innerJoin('organizations', 'u', 'u.id = r.unit_id')
      .select([
        'r.id AS id',
        'r.id AS inbox_key',
        'r.project_id AS project_id',
        'p.name AS project_name',
        'u.name AS unit_name',
        'o.fiscal_year AS fiscal_year',
        'o.id AS round_id',
        "to_char(o.cutoff_date, 'YYYY-MM-DD') AS cutoff_date",
        'r.status AS status',
        'r.version AS version',
        'r.returned_version_id IS NOT NULL AS returned',
        'r.updated_at AS since',
        "to_char(o.deadline, 'YYYY-MM-DD') AS deadline",
      ]);
    const states = await this.awaiting(user, MONITORING_REPORT_CHAIN, query, 'r.unit_id');
    if (states.length === 0) return null;
    query.andWhere('r.status = ANY(:states)', { states });
    // a closed round waits for nobody's filing; its reviews go on
    if (states.includes('draft')) query.andWhere("o.status = 'open'");
    return query;
  }

  item(r: Row): Waiting<MonitoringReportInboxItem> {
    return {
      kind: 'monitoring_report',
      reportId: r.id,
      projectId: r.project_id,
      projectName: r.project_name,
      unitName: r.unit_name,
      fiscalYear: r.fiscal_year,
      roundId: r.round_id,
      cutoffDate: r.cutoff_date,
      status: r.status,
      reason: reasonOf(r),
      stage: inboxStage(r.status, r.returned),
      since: new Date(r.since).toISOString(),
      deadline: r.deadline,
    };
  }
}

function reasonOf(r: Row): string {
  if (r.status === 'submitted') return '监控表待审核';
  if (r.status === 'department_approved') return '监控表待财政审核';
  if (r.returned) return '监控表被退回，待修改';
  return r.version === 0 ? '监控表待填报' : '监控表草稿，待提交';
}
