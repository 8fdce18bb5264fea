import { HttpErrorResponse } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, resource, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { LibraryEntryDto, SheetCompareDto, SheetProjectPart, SheetVersionDto, TargetIndicatorDto, TargetSheetDto } from '@pm/api-contract';
import { checkSheet, DEFAULT_PROFILE, PROJECT_DICTIONARY, SHEET_STATUS_LABELS, SheetCheck, startingLevel1 } from '@pm/domain';
import Decimal from 'decimal.js';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzBreadCrumbModule } from 'ng-zorro-antd/breadcrumb';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSwitchModule } from 'ng-zorro-antd/switch';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { PATHS } from '../../paths';
import { TARGET_COLUMNS, TARGET_COLUMNS_FULL } from '../../shared/indicator-grid/grid-columns';
import { emptyRow, grouped, insertInGroup, rowsFromPaste } from '../../shared/indicator-grid/grid-rows';
import { IndicatorGrid } from '../../shared/indicator-grid/indicator-grid';
import { addYuan, YuanPipe } from '../../shared/money';
import { checksOfError, mergedChecks } from '../../shared/refusals';
import { ratingsText, ReviewHistory, versionLabel } from '../../shared/review-history/review-history';
import { runAction } from '../../shared/run-action';
import { SignOffBlock } from '../../shared/sign-off/sign-off-block';
import { ProjectsApi } from '../projects/projects.api';
import { ReviewDecision, ReviewPanel, RowNote } from './review-panel';
import { REVIEW_TEXT } from './review.text';
import { SubmitDialog } from './submit-dialog';
import { SUBMIT_TEXT } from './submit.text';
import { TargetsApi, TransitionName } from './targets.api';
import { CHANGE_LABELS, FIELD_LABELS, SHEET_TEXT } from './targets.text';

@Component({
  selector: 'pm-target-sheet-page',
  imports: [IndicatorGrid, ReviewPanel, SubmitDialog, FormsModule, RouterLink, YuanPipe, NzBreadCrumbModule, NzCardModule, NzButtonModule, NzInputModule, NzSwitchModule, NzAlertModule, NzTagModule, NzModalModule, NzTooltipModule, ReviewHistory, SignOffBlock],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './target-sheet-page.html',
  styleUrl: '../../shared/sheet.css',
})
export class TargetSheetPage {
  private readonly api = inject(TargetsApi);
  private readonly projectsApi = inject(ProjectsApi);
  private readonly message = inject(NzMessageService);
  readonly id = input.required<string>();

  protected readonly text = SHEET_TEXT;
  protected readonly statusLabels = SHEET_STATUS_LABELS;
  protected readonly changeLabels = CHANGE_LABELS;
  protected readonly fieldLabels = FIELD_LABELS;
  protected readonly submitText = SUBMIT_TEXT;
  protected readonly projectsPath = PATHS.projects;
  protected readonly monitoringPath = PATHS.monitoring;
  protected readonly fundFields = [
    { key: 'currentYearAppropriation', label: '当年财政拨款' },
    { key: 'carryOver', label: '上年结转' },
    { key: 'other', label: '其他资金' },
  ] as const;

  protected readonly project = resource({ params: () => this.id(), loader: ({ params }) => this.projectsApi.get(params) });
  protected readonly sheet = resource({ params: () => this.id(), loader: ({ params }) => this.api.read(params) });
  protected readonly history = resource({ params: () => this.id(), loader: ({ params }) => this.api.versions(params) });
  /** The one version number a clerk sees: the history's (第 N 版), not the save counter the editor sends back. */
  protected readonly versionText = computed(() => {
    const latest = Math.max(0, ...(this.history.value() ?? []).map((v) => v.number));
    const status = this.sheet.value()?.status;
    if (latest === 0) return SHEET_TEXT.notSubmitted;
    return status === 'draft' ? SHEET_TEXT.editingAfter(latest) : SHEET_TEXT.versionNumber(latest);
  });

  /** The working copy: the sheet's rows until the lead edits them. */
  protected readonly rows = linkedSignal<TargetIndicatorDto[]>(() => this.sheet.value()?.indicators ?? []);
  /** The project's goal and funds, edited with the sheet. */
  protected readonly projectPart = linkedSignal<SheetProjectPart | null>(() => {
    const p = this.project.value();
    return p ? { overallGoal: p.overallGoal, funds: { ...p.funds } } : null;
  });
  protected readonly editing = signal(false);
  protected readonly busy = signal(false);
  protected readonly pasting = signal(false);
  protected readonly picking = signal(false);
  /** The compact columns, or every column of the contract. */
  protected readonly allColumns = signal(false);
  protected readonly columns = computed(() => (this.allColumns() ? TARGET_COLUMNS_FULL : TARGET_COLUMNS));
  protected readonly libraryQuery = signal('');
  protected readonly library = resource({
    params: () => (this.picking() ? this.libraryQuery() : undefined),
    loader: ({ params }) => this.api.library(params),
  });
  protected pasteText = '';
  /** Comments the reviewer anchors to indicators, sent with the decision. */
  protected readonly rowNotes = signal<RowNote[]>([]);
  private readonly reviewPanel = viewChild(ReviewPanel);
  protected readonly submitting = signal(false);
  /** What the API refused in the last save or submit, with the rows it was refused for. */
  private readonly refusal = signal<{ checks: SheetCheck[]; rows: readonly TargetIndicatorDto[] }>({ checks: [], rows: [] });
  /** Those errors still standing: each at its row until the row is edited or the next answer comes. */
  protected readonly refused = computed(() => {
    const { checks, rows } = this.refusal();
    const now = this.rows();
    return checks.filter((c) => c.row === null || (rows[c.row - 1] !== undefined && now[c.row - 1] === rows[c.row - 1]));
  });
  /** The last decision with a 审核结果, shown on the sheet. */
  protected readonly lastReview = computed(() => [...(this.history.value() ?? [])].sort((a, b) => b.number - a.number).find((v) => v.reviewGrade) ?? null);
  /** The returned sheet's comments and the reviewer's drafts, shown at their indicators. */
  protected readonly notesById = computed(() => {
    const notes: Record<string, string[]> = {};
    const add = (id: string | null, message: string) => {
      if (id) notes[id] = [...(notes[id] ?? []), message];
    };
    for (const c of this.sheet.value()?.sinceReturn?.rowComments ?? []) add(c.indicatorId, c.resolved ? `${c.message}（已修改）` : c.message);
    for (const n of this.rowNotes()) add(n.indicatorId, `${n.message}（随审核意见发送）`);
    for (const id of this.sheet.value()?.adjustmentSource?.indicatorIds ?? []) add(id, '监控预警为红，请据实调整');
    return notes;
  });

  /** The checks of SPEC §3, run in the browser on every keystroke by the same domain code the API runs. */
  protected readonly profile = computed(() => this.sheet.value()?.profile ?? DEFAULT_PROFILE);
  protected readonly checks = computed<SheetCheck[]>(() => mergedChecks(checkSheet(this.rows(), this.profile(), this.sheet.value()?.levelWeights ?? {}), this.refused()));
  protected readonly sheetChecks = computed(() => this.checks().filter((c) => c.row === null));
  protected readonly blocking = computed(() => this.checks().filter((c) => c.severity === 'blocking').length);
  protected readonly subtotals = computed(() => {
    const totals = new Map<string, Decimal>();
    let all = new Decimal(0);
    for (const r of this.rows()) {
      const w = safeDecimal(r.weight);
      totals.set(r.level1, (totals.get(r.level1) ?? new Decimal(0)).plus(w));
      all = all.plus(w);
    }
    return { byLevel1: [...totals.entries()].map(([level1, sum]) => ({ level1, sum: sum.toFixed() })), total: all.toFixed() };
  });

  /** What the review chain lets this user do now, as the API answered it from the chain table. */
  private readonly actions = computed(() => this.sheet.value()?.actions ?? []);
  protected readonly canEdit = computed(() => this.actions().includes('submit'));
  protected readonly canAdjust = computed(() => this.actions().includes('adjust'));
  protected readonly canReview = computed(() => this.actions().includes('approve'));
  /** 良: the reviewer whose turn it is may make small edits of their own. */
  protected readonly canReviewerEdit = computed(() => this.canReview() && this.actions().includes('save'));

  /** An empty sheet starts with one row per 一级 of the year's regime. */
  startEditing(): void {
    if (this.rows().length === 0) this.rows.set(startingLevel1(this.profile().regime).map((level1) => emptyRow(level1, PROJECT_DICTIONARY[level1][0])));
    this.editing.set(true);
  }

  addRow(): void {
    const last = this.rows().at(-1);
    this.rows.update((rows) => insertInGroup(rows, emptyRow(last?.level1, last?.level2)));
  }

  /** A library entry becomes a new row in its 一级/二级 group, with its comparator, unit, kind and 指标内容. */
  pick(entry: LibraryEntryDto): void {
    const { level1, level2, name, comparator, unit, kind, content } = entry;
    this.rows.update((rows) => insertInGroup(rows.filter((r) => r.name.trim() || r.value.trim()), { ...emptyRow(level1, level2), name, comparator, unit, kind, content }));
    this.message.success(`已添加“${name}”，请填写指标值与分值`);
  }

  applyPaste(): void {
    const pasted = rowsFromPaste(this.pasteText);
    // the blank starting rows give way to what was pasted, which goes into its groups
    this.rows.update((rows) => grouped([...rows.filter((r) => r.name.trim() || r.value.trim()), ...pasted]));
    this.pasting.set(false);
    this.pasteText = '';
    this.message.info(`已粘贴 ${pasted.length} 行`);
  }

  cancelEdit(): void {
    this.editing.set(false);
    this.rows.set(this.sheet.value()?.indicators ?? []);
    this.project.reload();
  }

  setGoal(overallGoal: string): void {
    this.projectPart.update((p) => (p ? { ...p, overallGoal } : p));
  }

  setFund(field: keyof SheetProjectPart['funds'], value: string): void {
    this.projectPart.update((p) => {
      if (!p) return p;
      const funds = { ...p.funds, [field]: value.replace(/[,，\s]/g, '') };
      // 年度预算总额 follows its three sources
      funds.total = addYuan(funds.currentYearAppropriation, funds.carryOver, funds.other) ?? funds.total;
      return { ...p, funds };
    });
  }

  async save(): Promise<boolean> {
    const sheet = this.sheet.value() as TargetSheetDto;
    return this.run(async () => {
      const project = this.projectPart() ?? undefined;
      this.sheet.set(await this.api.save(this.id(), { version: sheet.version, indicators: this.rows(), levelWeights: sheet.levelWeights, project }));
      this.project.reload();
      return SHEET_TEXT.saved;
    });
  }

  /** 提交审核 first shows what blocks it, or asks to confirm. */
  askSubmit(): void {
    this.submitting.set(true);
  }

  async submit(): Promise<void> {
    this.submitting.set(false);
    if (this.editing() && !(await this.save())) return;
    if (await this.transition('submit', {})) this.editing.set(false);
  }

  async decide(decision: ReviewDecision): Promise<void> {
    if (await this.transition(decision.action, decision.body)) this.reviewPanel()?.reset();
  }

  print(): void {
    window.print();
  }

  async adjust(): Promise<void> {
    if (await this.transition('adjust', {})) this.editing.set(true);
  }

  /** The row-level difference of two versions, shown in a dialog. */
  protected readonly comparison = signal<SheetCompareDto | null>(null);

  async compareWithPrevious(version: SheetVersionDto): Promise<void> {
    if (version.number < 2) return;
    this.comparison.set(await this.api.compare(this.id(), version.number - 1, version.number));
  }

  protected readonly versionLabel = versionLabel;
  protected readonly ratingsText = ratingsText;

  private async transition(name: TransitionName, body: Parameters<TargetsApi['transition']>[2]): Promise<boolean> {
    const version = this.sheet.value()?.version;
    const final = this.sheet.value()?.status === 'department_approved';
    return this.run(async () => {
      this.sheet.set(await this.api.transition(this.id(), name, { ...body, version }));
      this.history.reload();
      this.editing.set(false);
      if (name === 'approve' && final) return `已${REVIEW_TEXT.finalApprove}`;
      return `已${({ submit: '提交', approve: '审核通过', return: '退回', adjust: '发起调整' } as const)[name]}`;
    });
  }

  private run(action: () => Promise<string>): Promise<boolean> {
    return runAction(
      this.busy,
      this.message,
      async () => {
        const done = await action();
        this.refusal.set({ checks: [], rows: [] });
        return done;
      },
      (error) => {
        if (error instanceof HttpErrorResponse && error.status === 400) this.refusal.set({ checks: checksOfError(error.error), rows: this.rows() });
      },
    );
  }
}

function safeDecimal(text: string | null): Decimal {
  try {
    return text ? new Decimal(text) : new Decimal(0);
  } catch {
    return new Decimal(0);
  }
}
