import { Injectable } from '@nestjs/common';
import { ChainEffect, checkSheet, TARGET_SHEET_CHAIN } from '@pm/domain';
import { EntityManager } from 'typeorm';
import { badRequest, blockedByChecks } from '../common/api-error';
import { Project } from '../projects/project.entity';
import { ReviewedKind } from '../review/reviewed-kind';
import { SettingsService } from '../settings/settings.service';
import { IndicatorRowsStore } from './indicator-rows.store';
import { SheetSnapshot } from './sheet-snapshot';
import { TargetSheet } from './target-sheet.entity';

/** A project's target sheet on the review chain: found by its project, snapshotted with its rows, goal and funds. */
@Injectable()
export class TargetSheetKind implements ReviewedKind<TargetSheet, Project> {
  readonly chain = TARGET_SHEET_CHAIN;
  readonly entity = TargetSheet;
  readonly createdOnFirstSave = true;
  readonly missing = '该项目尚未填报绩效目标，或绩效目标表已被删除，请刷新后重试';

  constructor(
    private readonly rows: IndicatorRowsStore,
    private readonly settings: SettingsService,
  ) {}

  organizationOf(project: Project): string {
    return project.unitId;
  }

  find(project: Project): Partial<TargetSheet> {
    return { projectId: project.id };
  }

  async snapshot(db: EntityManager, sheet: TargetSheet, key: Project): Promise<SheetSnapshot> {
    const project = await db.findOneByOrFail(Project, { id: key.id });
    return {
      indicators: await this.rows.rowsOf(db, sheet.id),
      levelWeights: sheet.levelWeights,
      overallGoal: project.overallGoal,
      funds: { total: project.fundsTotal, currentYearAppropriation: project.fundsCurrentYearAppropriation, carryOver: project.fundsCarryOver, other: project.fundsOther },
    };
  }

  /** A submit with blocking checks is refused with every check tied to its row. */
  async check(_db: EntityManager, sheet: TargetSheet, project: Project, action: string, snapshot: SheetSnapshot | null): Promise<void> {
    if (action !== 'submit' || !snapshot) return;
    if (snapshot.indicators.length === 0) throw badRequest('绩效目标表还没有指标，不能提交');
    const profile = await this.settings.profileForYear(project.fiscalYear);
    const blocking = checkSheet(snapshot.indicators, profile, sheet.levelWeights).filter((c) => c.severity === 'blocking');
    if (blocking.length > 0) throw blockedByChecks(blocking);
  }

  columns(effects: readonly ChainEffect[]): Partial<TargetSheet> {
    return {
      ...(effects.includes('submitted') ? { notFitForBudget: false } : {}),
      ...(effects.includes('returned') ? { notFitForBudget: effects.includes('notFitForBudget') } : {}),
      ...(effects.includes('inForce') ? { isAdjustment: false } : {}),
      ...(effects.includes('reopened') ? { isAdjustment: true } : {}),
    };
  }

  stale(current: number, read: number): string {
    return `绩效目标已被他人修改（当前版本 ${current}，您读取的是版本 ${read}），请刷新后重试`;
  }
}
