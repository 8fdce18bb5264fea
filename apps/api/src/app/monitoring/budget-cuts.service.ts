import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BudgetCutDto, BudgetCutRequest, ReviewRequest, SessionUser } from '@pm/api-contract';
import { decimalOf, formatYuan } from '@pm/domain';
import { DataSource } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { Project } from '../projects/project.entity';
import { ReviewHistory } from '../review/review-history.service';
import { refuseUnless, ReviewRunner } from '../review/review-runner.service';
import { BudgetCutKind } from './budget-cut.kind';
import { BudgetCut } from './budget-cut.entity';
import { MonitoringReport } from './monitoring-report.entity';

/** 调减预算申请: raised by the lead from a red monitoring report, decided by finance, linked both ways. */
@Injectable()
export class BudgetCutsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly runner: ReviewRunner,
    private readonly history: ReviewHistory,
    private readonly audit: AuditService,
    readonly kind: BudgetCutKind,
  ) {}

  /** The lead's request from a red report: created and submitted to finance in one step (one per report). */
  async request(user: SessionUser, report: MonitoringReport, body: BudgetCutRequest): Promise<BudgetCutDto> {
    if (report.colour !== 'red') throw new ConflictException('只有红色预警的监控表可以申请调减预算');
    const amount = this.amountOf(body);
    if (amount.greaterThan(report.budgetAnnual)) throw badRequest(`调减金额 ${formatYuan(amount)} 元超过全年预算数 ${formatYuan(report.budgetAnnual)} 元`, [{ field: 'amount', message: '调减金额超过预算' }]);
    const id = await this.dataSource.transaction(async (db) => {
      const existing = await db.findOneBy(BudgetCut, { reportId: report.id });
      if (existing) throw new ConflictException('该监控表已提出调减预算申请');
      const draft = db.create(BudgetCut, { reportId: report.id, projectId: report.projectId, unitId: report.unitId, amount: amount.toFixed(2), reason: body.reason.trim(), status: 'draft', version: 0, createdBy: user.id, updatedBy: user.id });
      refuseUnless(await this.runner.decision(user, this.kind, draft, null, 'submit'));
      const saved = await db.save(draft);
      await this.runner.transition(db, user, this.kind, saved, 'submit', {});
      await this.audit.record(db, user, [{ entity: 'monitoring_report', entityId: report.id, organizationId: report.unitId, action: 'budget_cut', field: '调减预算申请', newValue: `${formatYuan(amount)} 元` }]);
      return saved.id;
    });
    return this.read(user, id);
  }

  async read(user: SessionUser, id: string): Promise<BudgetCutDto> {
    const cut = await this.findVisible(user, id);
    return this.describe(user, cut);
  }

  async ofReport(user: SessionUser, reportId: string): Promise<BudgetCutDto | null> {
    const cut = await this.dataSource.getRepository(BudgetCut).findOneBy({ reportId });
    return cut ? this.describe(user, cut) : null;
  }

  /** A returned request, changed by its lead before resubmitting. */
  async save(user: SessionUser, id: string, body: BudgetCutRequest & { version: number }): Promise<BudgetCutDto> {
    const found = await this.findVisible(user, id);
    const amount = this.amountOf(body);
    await this.dataSource.transaction(async (db) => {
      const cut = await this.runner.openForChange(db, user, this.kind, found, 'save', body.version);
      await this.runner.changed(db, user, this.kind, cut, { amount: amount.toFixed(2), reason: body.reason.trim() });
      await this.audit.record(db, user, [{ entity: 'budget_cut', entityId: cut.id, organizationId: cut.unitId, action: 'update', field: 'amount', oldValue: cut.amount, newValue: amount.toFixed(2) }]);
    });
    return this.read(user, id);
  }

  private amountOf(body: BudgetCutRequest) {
    const amount = decimalOf(body.amount);
    if (!amount || amount.lessThanOrEqualTo(0) || amount.greaterThanOrEqualTo('1e16')) throw badRequest('调减金额应为大于 0 的金额（元）', [{ field: 'amount', message: '请填写调减金额' }]);
    if (!body.reason.trim()) throw badRequest('请填写调减理由', [{ field: 'reason', message: '请填写调减理由' }]);
    return amount;
  }

  async transition(user: SessionUser, id: string, action: 'approve' | 'return' | 'submit', body: ReviewRequest): Promise<BudgetCutDto> {
    const cut = await this.findVisible(user, id);
    await this.dataSource.transaction((db) => this.runner.transition(db, user, this.kind, cut, action, body));
    return this.read(user, id);
  }

  private async findVisible(user: SessionUser, id: string): Promise<BudgetCut> {
    const cut = await this.dataSource.getRepository(BudgetCut).findOneBy({ id });
    if (!cut) throw new NotFoundException('未找到该调减预算申请，或您无权查看');
    await this.scope.assertReadable(user, cut.unitId);
    return cut;
  }

  private async describe(user: SessionUser, cut: BudgetCut): Promise<BudgetCutDto> {
    const project = await this.dataSource.getRepository(Project).findOneByOrFail({ id: cut.projectId });
    const returned = cut.status === 'draft' ? await this.history.byId(cut.returnedVersionId) : null;
    return {
      id: cut.id,
      reportId: cut.reportId,
      projectId: cut.projectId,
      projectName: project.name,
      amount: cut.amount,
      reason: cut.reason,
      status: cut.status,
      version: cut.version,
      lastComment: returned?.comment ?? null,
      actions: await this.runner.actionsFor(user, this.kind, cut, cut),
    };
  }
}
