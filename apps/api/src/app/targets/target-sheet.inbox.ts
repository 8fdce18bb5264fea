import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReviewRequest, SessionUser, TargetSheetInboxItem } from '@pm/api-contract';
import { inboxStage, SheetStatus, TARGET_SHEET_CHAIN } from '@pm/domain';
import { DataSource, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { FiscalYear } from '../fiscal-years/fiscal-year.entity';
import { ChainInboxSource, InboxService, Waiting } from '../inbox/inbox.service';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { TargetSheet } from './target-sheet.entity';
import { TargetSheetsService } from './target-sheets.service';

interface Row {
  project_id: string;
  project_name: string;
  unit_name: string;
  fiscal_year: number;
  status: SheetStatus | null;
  is_adjustment: boolean | null;
  returned: boolean | null;
  since: string;
  deadline: string | null;
}

/** The sheets of open years waiting for this user, in the states the chain gives their role (a project without a sheet is a draft to fill in). */
@Injectable()
export class TargetSheetInbox extends ChainInboxSource<Row> {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sheets: TargetSheetsService,
    scope: ScopeService,
    inbox: InboxService,
  ) {
    super(scope, inbox);
  }

  readonly kind = 'target_sheet';

  readonly approval = {
    permission: 'targets.review' as const,
    approve: async (user: SessionUser, id: string, request: ReviewRequest) => (await this.sheets.transition(user, id, 'approve', request)).status,
  };

  async waitingQuery(user: SessionUser): Promise<SelectQueryBuilder<ObjectLiteral> | null> {
    const query = this.dataSource
      .createQueryBuilder(Project, 'p')
      .innerJoin(FiscalYear, 'y', "y.year = p.fiscal_year AND y.status = 'open'")
      .innerJoin(Organization, 'o', 'o.id = p.unit_id')
      .leftJoin(TargetSheet, 's', 's.project_id = p.id')
      .select([
        'p.id AS project_id',
        'p.id AS inbox_key',
        'p.name AS project_name',
        'o.name AS unit_name',
        'p.fiscal_year AS fiscal_year',
        's.status AS status',
        's.is_adjustment AS is_adjustment',
        's.returned_version_id IS NOT NULL AS returned',
        'coalesce(s.updated_at, p.created_at) AS since',
        "to_char(y.target_deadline, 'YYYY-MM-DD') AS deadline",
      ]);
    const states = await this.awaiting(user, TARGET_SHEET_CHAIN, query, 'p.unit_id');
    if (states.length === 0) return null;
    return query.andWhere("coalesce(s.status, 'draft') = ANY(:states)", { states });
  }

  item(r: Row): Waiting<TargetSheetInboxItem> {
    return {
      kind: 'target_sheet',
      projectId: r.project_id,
      projectName: r.project_name,
      unitName: r.unit_name,
      fiscalYear: r.fiscal_year,
      status: r.status ?? 'draft',
      reason: reasonOf(r),
      stage: inboxStage(r.status, !!r.returned),
      since: new Date(r.since).toISOString(),
      deadline: r.deadline,
    };
  }
}

function reasonOf(r: Row): string {
  if (r.status === 'submitted') return '待审核';
  if (r.status === 'department_approved') return '待批复';
  if (r.returned) return '被退回，待修改';
  if (r.is_adjustment) return '调整中，待提交';
  return r.status ? '草稿，待提交' : '待填报';
}
