import { ConflictException, ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { SaveTargetSheetRequest, SessionUser, TargetIndicatorDto, TargetSheetDto } from '@pm/api-contract';
import { checkSheet, diffRows, fundSplitProblem, transition } from '@pm/domain';
import Decimal from 'decimal.js';
import { DataSource, EntityManager, Repository } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { AuditChange, AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { Project } from '../projects/project.entity';
import { ProjectsService } from '../projects/projects.service';
import { SettingsService } from '../settings/settings.service';
import { SheetVersion } from './sheet-version.entity';
import { toIndicatorColumns, toIndicatorDto } from './sheet-rows';
import { TargetIndicator } from './target-indicator.entity';
import { TargetSheet } from './target-sheet.entity';

/** Reading and saving a project's target sheet. Transitions live in SheetTransitionsService. */
@Injectable()
export class TargetSheetsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(TargetSheet) private readonly sheets: Repository<TargetSheet>,
    @InjectRepository(TargetIndicator) private readonly indicators: Repository<TargetIndicator>,
    @InjectRepository(SheetVersion) private readonly versions: Repository<SheetVersion>,
    private readonly projects: ProjectsService,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly scope: ScopeService,
  ) {}

  async read(user: SessionUser, projectId: string): Promise<TargetSheetDto> {
    const project = await this.projects.findVisible(user, projectId);
    const sheet = await this.sheets.findOneBy({ projectId });
    if (!sheet) return this.describe(project, null, []);
    const rows = await this.rowsOf(this.indicators.manager, sheet.id);
    return this.describe(project, sheet, rows);
  }

  /** Replaces the whole sheet in one transaction; 409 when `version` is stale or the sheet is not editable. */
  async save(user: SessionUser, projectId: string, body: SaveTargetSheetRequest): Promise<TargetSheetDto> {
    const project = await this.projects.findVisible(user, projectId);
    // authors write in their own unit; reviewers' small edits are decided by the workflow below
    if (user.role === 'project_lead') await this.scope.assertWritable(user, project.unitId);
    await this.dataSource.transaction((db) => this.saveIn(db, user, project, body));
    return this.read(user, projectId);
  }

  /** The whole-sheet save inside the transaction `save` opened. */
  private async saveIn(db: EntityManager, user: SessionUser, project: Project, body: SaveTargetSheetRequest): Promise<void> {
    const sheet = await this.lockOrCreate(db, project, user, body.version);
    const allowed = transition({ status: sheet.status, action: 'save', role: user.role, actorSubmittedIt: false });
    if (!allowed.ok)
      throw allowed.refusal === 'forbidden' ? new ForbiddenException(allowed.message) : new ConflictException(allowed.message);
    if (sheet.version !== body.version) {
      throw new ConflictException(`绩效目标已被他人修改（当前版本 ${sheet.version}，您读取的是版本 ${body.version}），请刷新后重试`);
    }
    if (body.project) await this.saveProjectPart(db, user, project, body.project);
    const before = await this.rowsOf(db, sheet.id);
    await db.delete(TargetIndicator, { sheetId: sheet.id });
    if (body.indicators.length > 0)
      await db.insert(
        TargetIndicator,
        body.indicators.map((row, i) => toIndicatorColumns(sheet.id, row, i + 1)),
      );
    const after = await this.rowsOf(db, sheet.id);
    await db.update(
      TargetSheet,
      { id: sheet.id },
      { version: sheet.version + 1, levelWeights: body.levelWeights ?? sheet.levelWeights, updatedBy: user.id },
    );
    await this.audit.record(
      db,
      user,
      diffRows(before, after).map((change) => ({
        entity: 'target_sheet',
        entityId: sheet.id,
        organizationId: project.unitId,
        action: `row_${change.change}`,
        field: `${change.level1} › ${change.level2} › ${change.name}`,
        oldValue: change.fields.length ? change.fields.map((f) => `${f.field}=${f.from ?? ''}`).join('; ') : null,
        newValue: change.fields.length ? change.fields.map((f) => `${f.field}=${f.to ?? ''}`).join('; ') : null,
      })),
    );
  }

  /** The goal, funds and medium-term plan saved with the sheet, each change audited. */
  private async saveProjectPart(
    db: EntityManager,
    user: SessionUser,
    project: Project,
    part: NonNullable<SaveTargetSheetRequest['project']>,
  ): Promise<void> {
    const problem = fundSplitProblem(part.funds);
    if (problem) throw badRequest(problem, [{ field: 'project.funds.total', message: problem }]);
    const next: Partial<Project> = {
      overallGoal: part.overallGoal.trim(),
      fundsTotal: part.funds.total,
      fundsCurrentYearAppropriation: part.funds.currentYearAppropriation,
      fundsCarryOver: part.funds.carryOver,
      fundsOther: part.funds.other,
      ...(part.midTerm
        ? { midTermYear1: part.midTerm.year1 ?? null, midTermYear2: part.midTerm.year2 ?? null, midTermYear3: part.midTerm.year3 ?? null }
        : {}),
    };
    const changes: AuditChange[] = [];
    for (const [field, value] of Object.entries(next) as [keyof Project, string | null][]) {
      const old = project[field] as string | null;
      if (!sameValue(old, value))
        changes.push({
          entity: 'project',
          entityId: project.id,
          organizationId: project.unitId,
          action: 'update',
          field,
          oldValue: old,
          newValue: value,
        });
    }
    if (changes.length === 0) return;
    await db.update(Project, { id: project.id }, { ...next, updatedBy: user.id });
    await this.audit.record(db, user, changes);
  }

  /** Locks the sheet row for the transaction, creating it on the first save (version 0). */
  private async lockOrCreate(db: EntityManager, project: Project, user: SessionUser, version: number): Promise<TargetSheet> {
    const existing = await db
      .createQueryBuilder(TargetSheet, 's')
      .setLock('pessimistic_write')
      .where('s.project_id = :id', { id: project.id })
      .getOne();
    if (existing) return existing;
    if (version !== 0) throw new ConflictException('绩效目标表不存在或已被删除，请刷新后重试');
    await db
      .createQueryBuilder()
      .insert()
      .into(TargetSheet)
      .values({ projectId: project.id, status: 'draft', version: 0, createdBy: user.id, updatedBy: user.id })
      .orIgnore()
      .execute();
    return db
      .createQueryBuilder(TargetSheet, 's')
      .setLock('pessimistic_write')
      .where('s.project_id = :id', { id: project.id })
      .getOneOrFail();
  }

  async rowsOf(db: EntityManager, sheetId: string): Promise<TargetIndicatorDto[]> {
    const rows = await db.find(TargetIndicator, { where: { sheetId }, order: { position: 'ASC' } });
    return rows.map(toIndicatorDto);
  }

  private async describe(project: Project, sheet: TargetSheet | null, rows: TargetIndicatorDto[]): Promise<TargetSheetDto> {
    const profile = await this.settings.profileForYear(project.fiscalYear);
    const levelWeights = sheet?.levelWeights ?? {};
    let sinceReturn: TargetSheetDto['sinceReturn'] = null;
    // the author fixing it and the reviewer looking at the resubmission both see what changed since the return
    if (sheet?.returnedVersionId && sheet.status !== 'approved') {
      const returned = await this.versions.findOneByOrFail({ id: sheet.returnedVersionId });
      sinceReturn = {
        comment: returned.comment,
        rowComments: returned.rowComments ?? [],
        changes: diffRows(returned.snapshot.indicators, rows),
      };
    }
    const inForce = sheet?.inForceVersionId ? await this.versions.findOneBy({ id: sheet.inForceVersionId }) : null;
    return {
      projectId: project.id,
      version: sheet?.version ?? 0,
      status: sheet?.status ?? 'draft',
      isAdjustment: sheet?.isAdjustment ?? false,
      notFitForBudget: sheet?.notFitForBudget ?? false,
      indicators: rows,
      levelWeights,
      checks: checkSheet(rows, profile, levelWeights),
      sinceReturn,
      inForceVersion: inForce?.number ?? null,
      profile,
    };
  }
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Equal text, or equal amounts however they are written ("90000" and "90000.00"). */
function sameValue(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || !DECIMAL.test(a) || !DECIMAL.test(b)) return false;
  return new Decimal(a).equals(new Decimal(b));
}
