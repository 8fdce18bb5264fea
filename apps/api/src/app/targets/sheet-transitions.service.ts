import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionUser, SheetTransitionRequest, TargetSheetDto } from '@pm/api-contract';
import { checkSheet, REVIEW_RATINGS, SettingsProfile, SHEET_STATUS_LABELS, SheetAction, transition } from '@pm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { AuditService } from '../audit/audit.service';
import { badRequest, blockedByChecks } from '../common/api-error';
import { Project } from '../projects/project.entity';
import { ProjectsService } from '../projects/projects.service';
import { SettingsService } from '../settings/settings.service';
import { SheetSnapshot } from './sheet-snapshot';
import { SheetVersion } from './sheet-version.entity';
import { TargetSheet } from './target-sheet.entity';
import { TargetSheetsService } from './target-sheets.service';

type TransitionAction = Exclude<SheetAction, 'save'>;

/**
 * submit / approve / return / adjust. Each runs in one transaction holding the sheet's row lock,
 * so of two simultaneous approvals exactly one succeeds and the other gets 409. Every transition
 * stores an immutable snapshot (sheet_versions) and an audit entry.
 */
@Injectable()
export class SheetTransitionsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly sheets: TargetSheetsService,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly scope: ScopeService,
  ) {}

  async apply(user: SessionUser, projectId: string, action: TransitionAction, body: SheetTransitionRequest): Promise<TargetSheetDto> {
    const project = await this.projects.findVisible(user, projectId);
    if (user.role === 'project_lead') await this.scope.assertWritable(user, project.unitId);
    this.assertRatings(body);
    const profile = await this.settings.profileForYear(project.fiscalYear);
    await this.dataSource.transaction((db) => this.applyIn(db, user, project, action, body, profile));
    return this.sheets.read(user, projectId);
  }

  /** The transition inside the caller's transaction (the importer's adjustment drafts), under the sheet's row lock. */
  async applyIn(
    db: EntityManager,
    user: SessionUser,
    project: Project,
    action: TransitionAction,
    body: SheetTransitionRequest,
    profile: SettingsProfile,
  ): Promise<void> {
    const sheet = await db
      .createQueryBuilder(TargetSheet, 's')
      .setLock('pessimistic_write')
      .where('s.project_id = :id', { id: project.id })
      .getOne();
    if (!sheet) throw new ConflictException('该项目尚未填报绩效目标');
    if (body.version !== undefined && body.version !== sheet.version) {
      throw new ConflictException(`绩效目标已变化（当前版本 ${sheet.version}，您读取的是版本 ${body.version}），请刷新后重试`);
    }
    const result = transition({
      status: sheet.status,
      action,
      role: user.role,
      actorSubmittedIt: sheet.submittedBy === user.id,
      comment: body.comment,
      grade: body.reviewGrade,
    });
    if (!result.ok) {
      if (result.refusal === 'forbidden') throw new ForbiddenException(result.message);
      if (result.refusal === 'conflict') throw new ConflictException(result.message);
      throw badRequest(result.message);
    }
    const snapshot = await this.snapshotOf(db, sheet, project);
    if (action === 'submit') this.assertSubmittable(snapshot, sheet, profile);
    const version = await this.recordVersion(db, sheet, user, action, result.status, body, snapshot);
    await db.update(
      TargetSheet,
      { id: sheet.id },
      {
        status: result.status,
        version: sheet.version + 1,
        updatedBy: user.id,
        ...(action === 'submit' ? { submittedBy: user.id, submittedAt: new Date(), notFitForBudget: false } : {}),
        ...(action === 'return' ? { returnedVersionId: version.id, notFitForBudget: result.notFitForBudget } : {}),
        ...(action === 'approve' && result.status === 'approved'
          ? { inForceVersionId: version.id, isAdjustment: false, returnedVersionId: null }
          : {}),
        ...(action === 'adjust' ? { isAdjustment: true, submittedBy: null, returnedVersionId: null } : {}),
      },
    );
    await this.audit.record(db, user, [
      {
        entity: 'target_sheet',
        entityId: sheet.id,
        organizationId: project.unitId,
        action,
        field: 'status',
        oldValue: SHEET_STATUS_LABELS[sheet.status],
        newValue: SHEET_STATUS_LABELS[result.status],
      },
    ]);
  }

  private assertRatings(body: SheetTransitionRequest): void {
    for (const key of Object.keys(body.ratings ?? {})) {
      if (!(REVIEW_RATINGS as readonly string[]).includes(key)) throw badRequest(`评审维度“${key}”应为 ${REVIEW_RATINGS.join('、')} 之一`);
    }
    for (const grade of Object.values(body.ratings ?? {})) {
      if (!['优', '良', '中', '差'].includes(grade)) throw badRequest('评审维度的结果应为优、良、中、差之一');
    }
  }

  /** A submit with blocking checks is refused with every check tied to its row. */
  private assertSubmittable(snapshot: SheetSnapshot, sheet: TargetSheet, profile: SettingsProfile): void {
    const blocking = checkSheet(snapshot.indicators, profile, sheet.levelWeights).filter((c) => c.severity === 'blocking');
    if (snapshot.indicators.length === 0) throw badRequest('绩效目标表还没有指标，不能提交');
    if (blocking.length > 0) throw blockedByChecks(blocking);
  }

  private async snapshotOf(db: EntityManager, sheet: TargetSheet, project: Project): Promise<SheetSnapshot> {
    return {
      indicators: await this.sheets.rowsOf(db, sheet.id),
      levelWeights: sheet.levelWeights,
      overallGoal: project.overallGoal,
      funds: {
        total: project.fundsTotal,
        currentYearAppropriation: project.fundsCurrentYearAppropriation,
        carryOver: project.fundsCarryOver,
        other: project.fundsOther,
      },
    };
  }

  private async recordVersion(
    db: EntityManager,
    sheet: TargetSheet,
    user: SessionUser,
    action: TransitionAction,
    statusAfter: string,
    body: SheetTransitionRequest,
    snapshot: SheetSnapshot,
  ): Promise<SheetVersion> {
    const last = await db
      .createQueryBuilder(SheetVersion, 'v')
      .select('coalesce(max(v.number), 0)', 'last')
      .where('v.sheet_id = :id', { id: sheet.id })
      .getRawOne<{ last: number }>();
    return db.save(
      db.create(SheetVersion, {
        sheetId: sheet.id,
        number: Number(last?.last ?? 0) + 1,
        action,
        statusAfter,
        actorId: user.id,
        actorRole: user.role,
        comment: body.comment?.trim() || null,
        reviewGrade: body.reviewGrade ?? null,
        ratings: body.ratings ?? null,
        rowComments: body.rowComments ?? null,
        snapshot,
      }),
    );
  }
}
