import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ReviewRequest, RowCommentDto, SaveTargetSheetRequest, SessionUser, TargetIndicatorDto, TargetSheetDto } from '@pm/api-contract';
import { ChainAction, diffRows, fundSplitProblem, RowChange } from '@pm/domain';
import Decimal from 'decimal.js';
import { DataSource, EntityManager } from 'typeorm';
import { AuditChange, AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { Project } from '../projects/project.entity';
import { ProjectsService } from '../projects/projects.service';
import { DocumentVersion } from '../review/document-version.entity';
import { ReviewHistory } from '../review/review-history.service';
import { refuseUnless, ReviewRunner } from '../review/review-runner.service';
import { SettingsService } from '../settings/settings.service';
import { IndicatorRowsStore, rowsAsJson } from './indicator-rows.store';
import { SheetChecksCache } from './sheet-checks.cache';
import { asStoredRow } from './sheet-rows';
import { SheetSnapshot } from './sheet-snapshot';
import { TargetSheetKind } from './target-sheet.kind';
import { TargetSheet } from './target-sheet.entity';

export type SheetTransition = Extract<ChainAction, 'submit' | 'approve' | 'return' | 'adjust'>;

/** Reading, saving and moving a project's target sheet along the review chain. */
@Injectable()
export class TargetSheetsService {
  private readonly checks = new SheetChecksCache();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly projects: ProjectsService,
    private readonly audit: AuditService,
    private readonly settings: SettingsService,
    private readonly runner: ReviewRunner,
    private readonly history: ReviewHistory,
    private readonly rows: IndicatorRowsStore,
    readonly kind: TargetSheetKind,
  ) {}

  /**
   * The project, its sheet, the sheet's rows and the in-force version's number: one statement,
   * prepared once per connection (the read every screen of the sheet makes).
   */
  async read(user: SessionUser, projectId: string): Promise<TargetSheetDto> {
    const [found]: SheetReadRow[] = await this.dataSource.query(SHEET_READ, [projectId]);
    const project = await this.projects.assertVisible(user, found ? Object.assign(new Project(), { id: found.id, unitId: found.unit_id, fiscalYear: found.fiscal_year }) : null);
    const sheet = found.sheet_id
      ? Object.assign(new TargetSheet(), {
          id: found.sheet_id,
          projectId,
          version: found.version,
          status: found.status,
          isAdjustment: found.is_adjustment,
          notFitForBudget: found.not_fit_for_budget,
          levelWeights: found.level_weights,
          adjustmentSource: found.adjustment_source,
          returnedVersionId: found.returned_version_id,
          inForceVersionId: found.in_force_version_id,
          submittedBy: found.submitted_by,
        })
      : null;
    return this.describe(user, project, sheet, sheet ? found.indicator_rows : [], found.in_force_number);
  }

  /** Saves the whole sheet in one transaction: rows keep their ids; 409 when `version` is stale or the chain does not let this user edit now. */
  async save(user: SessionUser, projectId: string, body: SaveTargetSheetRequest): Promise<TargetSheetDto> {
    const project = await this.projects.findVisible(user, projectId);
    const saved = await this.dataSource.transaction(async (db) => {
      const sheet = await this.runner.openForChange(db, user, this.kind, project, 'save', body.version);
      if (body.project) await this.saveProjectPart(db, user, project, body.project);
      const { rows, changes } = await this.writeRows(db, project, sheet, body.indicators);
      const levelWeights = body.levelWeights ?? sheet.levelWeights;
      await this.runner.changed(db, user, this.kind, sheet, { levelWeights }, changes);
      const inForce = await this.history.byId(sheet.inForceVersionId);
      return { sheet: Object.assign(sheet, { version: sheet.version + 1, levelWeights }), rows, inForceNumber: inForce?.number ?? null };
    });
    // answered from what was written: the rows, the sheet's new version and its unchanged state
    return this.describe(user, project, saved.sheet, saved.rows, saved.inForceNumber);
  }

  async transition(user: SessionUser, projectId: string, action: SheetTransition, body: ReviewRequest): Promise<TargetSheetDto> {
    const project = await this.projects.findVisible(user, projectId);
    await this.dataSource.transaction((db) => this.runner.transition(db, user, this.kind, project, action, body));
    return this.read(user, projectId);
  }

  /** Refuses (403) anyone but the sheet's author — what the chain's author rows require. */
  async assertAuthor(user: SessionUser, project: Project): Promise<void> {
    refuseUnless(await this.runner.decision(user, this.kind, project, null, 'save'));
  }

  /** The rows written in place; answers them as stored and every row's change for the audit, by its indicator. */
  private async writeRows(db: EntityManager, project: Project, sheet: TargetSheet, rows: TargetIndicatorDto[]): Promise<{ rows: TargetIndicatorDto[]; changes: AuditChange[] }> {
    const before = await this.rows.rowsOf(db, sheet.id);
    const written = await this.rows.write(db, [{ sheetId: sheet.id, rows }], new Map([[sheet.id, before]]));
    const after = (written.get(sheet.id) ?? []).map(asStoredRow);
    const changes = diffRows(before, after).map((change) => ({
      entity: 'target_sheet',
      entityId: sheet.id,
      organizationId: project.unitId,
      action: `row_${change.change}`,
      field: `${change.level1} › ${change.level2} › ${change.name}`,
      oldValue: change.fields.length ? change.fields.map((f) => `${f.field}=${f.from ?? ''}`).join('; ') : null,
      newValue: change.fields.length ? change.fields.map((f) => `${f.field}=${f.to ?? ''}`).join('; ') : null,
    }));
    return { rows: after, changes };
  }

  /** The goal, funds and medium-term plan saved with the sheet, each change audited. */
  private async saveProjectPart(db: EntityManager, user: SessionUser, project: Project, part: NonNullable<SaveTargetSheetRequest['project']>): Promise<void> {
    const problem = fundSplitProblem(part.funds);
    if (problem) throw badRequest(problem, [{ field: 'project.funds.total', message: problem }]);
    const next: Partial<Project> = {
      overallGoal: part.overallGoal.trim(),
      fundsTotal: part.funds.total,
      fundsCurrentYearAppropriation: part.funds.currentYearAppropriation,
      fundsCarryOver: part.funds.carryOver,
      fundsOther: part.funds.other,
      ...(part.midTerm ? { midTermYear1: part.midTerm.year1 ?? null, midTermYear2: part.midTerm.year2 ?? null, midTermYear3: part.midTerm.year3 ?? null } : {}),
    };
    const changes: AuditChange[] = [];
    for (const [field, value] of Object.entries(next) as [keyof Project, string | null][]) {
      const old = project[field] as string | null;
      if (!sameValue(old, value)) changes.push({ entity: 'project', entityId: project.id, organizationId: project.unitId, action: 'update', field, oldValue: old, newValue: value });
    }
    if (changes.length === 0) return;
    await db.update(Project, { id: project.id }, { ...next, updatedBy: user.id });
    await this.audit.record(db, user, changes);
  }

  private async describe(user: SessionUser, project: Project, sheet: TargetSheet | null, rows: TargetIndicatorDto[], inForceVersion: number | null): Promise<TargetSheetDto> {
    const profile = await this.settings.profileForYear(project.fiscalYear);
    const levelWeights = sheet?.levelWeights ?? {};
    let sinceReturn: TargetSheetDto['sinceReturn'] = null;
    // the author fixing it and the reviewer looking at the resubmission both see what changed since the return
    if (sheet?.returnedVersionId && sheet.status !== 'approved') {
      const returned = (await this.history.byId(sheet.returnedVersionId)) as DocumentVersion;
      const changes = diffRows((returned.snapshot as SheetSnapshot).indicators, rows);
      sinceReturn = { comment: returned.comment, rowComments: rowCommentsNow(returned, rows, changes), changes };
    }
    return {
      projectId: project.id,
      version: sheet?.version ?? 0,
      status: sheet?.status ?? 'draft',
      isAdjustment: sheet?.isAdjustment ?? false,
      notFitForBudget: sheet?.notFitForBudget ?? false,
      indicators: rows,
      levelWeights,
      checks: this.checks.of(sheet, rows, profile, levelWeights),
      sinceReturn,
      inForceVersion: inForceVersion ?? null,
      profile,
      actions: await this.runner.actionsFor(user, this.kind, project, sheet),
      adjustmentSource: sheet?.isAdjustment ? sheet.adjustmentSource : null,
    };
  }
}

/** What the read statement answers: the project's keys and the sheet's state (nulls when it has no sheet yet). */
interface SheetReadRow {
  id: string;
  unit_id: string;
  fiscal_year: number;
  sheet_id: string | null;
  version: number;
  status: TargetSheet['status'];
  is_adjustment: boolean;
  not_fit_for_budget: boolean;
  level_weights: TargetSheet['levelWeights'];
  adjustment_source: TargetSheet['adjustmentSource'];
  returned_version_id: string | null;
  in_force_version_id: string | null;
  submitted_by: string | null;
  in_force_number: number | null;
  indicator_rows: TargetIndicatorDto[];
}

const SHEET_READ = `/* prepare:target-sheet-read */
  SELECT p.id, p.unit_id, p.fiscal_year, s.id AS sheet_id, s.version, s.status, s.is_adjustment, s.not_fit_for_budget, s.level_weights,
         s.adjustment_source, s.returned_version_id, s.in_force_version_id, s.submitted_by, v.number AS in_force_number,
         ${rowsAsJson('s.id')} AS indicator_rows
    FROM projects p
    LEFT JOIN target_sheets s ON s.project_id = p.id
    LEFT JOIN document_versions v ON v.id = s.in_force_version_id
   WHERE p.id = $1`;

/** The reviewer's row comments where their indicators are now, resolved once the indicator was changed or removed. */
function rowCommentsNow(returned: DocumentVersion, rows: TargetIndicatorDto[], changes: RowChange[]): RowCommentDto[] {
  const touched = new Set(changes.filter((c) => c.change !== 'added').map((c) => c.indicatorId));
  return (returned.rowComments ?? []).map((c) => {
    const at = c.indicatorId ? rows.findIndex((r) => r.id === c.indicatorId) : -1;
    return { indicatorId: c.indicatorId, row: at >= 0 ? at + 1 : null, message: c.message, resolved: c.indicatorId !== null && touched.has(c.indicatorId) };
  });
}

const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Equal text, or equal amounts however they are written ("90000" and "90000.00"). */
function sameValue(a: string | null, b: string | null): boolean {
  if (a === b) return true;
  if (a === null || b === null || !DECIMAL.test(a) || !DECIMAL.test(b)) return false;
  return new Decimal(a).equals(new Decimal(b));
}
