import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, resource, signal, viewChild } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { EvidenceFileDto, SelfEvaluationDto, SelfEvaluationIndicatorDto } from '@pm/api-contract';
import { QUALITATIVE_TIER_NAMES, SheetCheck } from '@pm/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzBreadCrumbModule } from 'ng-zorro-antd/breadcrumb';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzCheckboxModule } from 'ng-zorro-antd/checkbox';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { messageOf } from '../../core/api-errors.interceptor';
import { SessionService } from '../../core/session.service';
import { PATHS } from '../../paths';
import { SELF_EVALUATION_COLUMNS } from '../../shared/indicator-grid/grid-columns';
import { GridCell, IndicatorGrid } from '../../shared/indicator-grid/indicator-grid';
import { YuanPipe } from '../../shared/money';
import { ProjectsApi } from '../projects/projects.api';
import { DecisionDialog } from './decision-dialog';
import { mergedChecks } from '../../shared/refusals';
import { amountOf, FormInput, gridRowsOf, inputOf, liveFigures, RowInput, saveRequestOf, targetText } from './evaluation-form';
import { FlagsPanel } from './flags-panel';
import { EvaluationHistory } from './history-drawer';
import { ImportDialog } from './import-dialog';
import { OverrideChoice, OverrideDialog } from './override-dialog';
import { EvaluationTransition, SelfEvaluationApi } from './self-evaluation.api';
import { EVALUATION_STATUS_LABELS, GRADE_COLOURS, SELF_EVALUATION_TEXT } from './self-evaluation.text';
import { runDocumentAction } from './run-action';

/** Same document, same content: evidence patched in place does not reset what the lead is typing. */
function sameContent(a: SelfEvaluationDto | undefined, b: SelfEvaluationDto | undefined): boolean {
  return a === b || (!!a && !!b && a.id === b.id && a.version === b.version && a.status === b.status && a.indicators === b.indicators && a.budget === b.budget);
}

/**
 * 项目支出绩效自评表 as the lead fills it and the reviewers read it: the money block, the goal, the
 * approved indicators on the one grid with 实际完成值, each score and its arithmetic recomputed in the
 * browser by the domain's rules as the lead types (the server's answer stays authoritative), the
 * checks, integrity flags, the chain's buttons, overrides, evidence, history, export and import.
 */
@Component({
  selector: 'pm-self-evaluation-page',
  imports: [FormsModule, RouterLink, YuanPipe, IndicatorGrid, GridCell, DecisionDialog, OverrideDialog, FlagsPanel, EvaluationHistory, ImportDialog, NzAlertModule, NzBreadCrumbModule, NzButtonModule, NzCardModule, NzCheckboxModule, NzInputModule, NzSelectModule, NzTagModule, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './evaluation-page.html',
  styleUrls: ['../../shared/sheet.css', './evaluation-page.css'],
})
export class SelfEvaluationPage {
  private readonly api = inject(SelfEvaluationApi);
  private readonly projectsApi = inject(ProjectsApi);
  private readonly message = inject(NzMessageService);
  private readonly session = inject(SessionService);
  readonly id = input.required<string>();

  protected readonly text = SELF_EVALUATION_TEXT;
  protected readonly statusLabels = EVALUATION_STATUS_LABELS;
  protected readonly gradeColours = GRADE_COLOURS;
  protected readonly columns = SELF_EVALUATION_COLUMNS;
  protected readonly tiers = QUALITATIVE_TIER_NAMES;
  protected readonly base = PATHS.selfEvaluation;
  protected readonly projects = PATHS.projects;
  protected readonly targetText = targetText;

  protected readonly evaluation = resource({ params: () => this.id(), loader: ({ params }) => this.api.read(params) });
  protected readonly project = resource({ params: () => this.evaluation.value()?.projectId, loader: ({ params }) => this.projectsApi.get(params) });
  protected readonly loaded = computed(() => this.evaluation.value(), { equal: sameContent });

  /** What is typed, until saved; a new answer from the server starts it again. */
  protected readonly form = linkedSignal<FormInput | null>(() => {
    const e = this.loaded();
    return e ? inputOf(e) : null;
  });
  protected readonly definitions = computed(() => {
    const e = this.loaded();
    return e ? gridRowsOf(e) : [];
  });
  /** Scored as typed with the parameters the evaluation keeps — the ones the server scores it with. */
  protected readonly figures = computed(() => {
    const e = this.loaded();
    const form = this.form();
    return e && form ? liveFigures(e, form, e.parameters) : null;
  });
  /** The save the server refused, row by row, until its next answer. */
  private readonly refused = signal<SheetCheck[]>([]);
  protected readonly checks = computed(() => mergedChecks(this.figures()?.checks ?? [], this.refused()));
  protected readonly sheetChecks = computed(() => this.checks().filter((c) => c.row === null));
  protected readonly blocking = computed(() => this.checks().filter((c) => c.severity === 'blocking').length);
  protected readonly dirty = computed(() => {
    const e = this.loaded();
    const form = this.form();
    return !!e && !!form && JSON.stringify(form) !== JSON.stringify(inputOf(e));
  });
  /** Someone else saved or moved it since it was read (409). */
  protected readonly stale = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly deciding = signal<'approve' | 'return' | null>(null);
  protected readonly overriding = signal<SelfEvaluationIndicatorDto | null>(null);
  protected readonly importing = signal(false);
  protected readonly showHistory = signal(false);
  private readonly flagsPanel = viewChild(FlagsPanel);
  /** The history drawer's reader of this evaluation's versions. */
  protected readonly loadVersions = () => this.api.versions(this.id());

  /** What the review chain lets this user do now, as the API answered it. */
  private readonly actions = computed(() => this.evaluation.value()?.actions ?? []);
  protected readonly canEdit = computed(() => this.actions().includes('save'));
  protected readonly canSubmit = computed(() => this.actions().includes('submit'));
  protected readonly canApprove = computed(() => this.actions().includes('approve'));
  protected readonly canReturn = computed(() => this.actions().includes('return'));
  protected readonly canOverride = computed(() => this.actions().includes('override'));
  protected readonly canImport = computed(() => this.actions().includes('import'));
  protected readonly canDismiss = computed(() => this.session.can('selfEvaluation.review'));

  protected readonly notesById = computed(() => {
    const notes: Record<string, string[]> = {};
    for (const c of this.evaluation.value()?.sinceReturn?.rowComments ?? []) if (c.indicatorId) notes[c.indicatorId] = [...(notes[c.indicatorId] ?? []), c.resolved ? `${c.message}（已修改）` : c.message];
    return notes;
  });
  protected readonly otherFiles = computed(() => this.filesOf(null));
  protected readonly missingCount = computed(() => this.evaluation.value()?.missingEvidence.length ?? 0);

  protected indicator(index: number): SelfEvaluationIndicatorDto {
    return (this.loaded() as SelfEvaluationDto).indicators[index];
  }

  protected rowOf(index: number): RowInput {
    return (this.form() as FormInput).rows[index];
  }

  protected figureOf(index: number) {
    return this.figures()?.rows[index] ?? null;
  }

  /** `允许 9.00–12.00（不含 12.00）` for the tier picked, from the ranges the server gave. */
  protected rangeOf(index: number): string | null {
    const tier = this.rowOf(index).tier;
    return this.indicator(index).tierRanges?.find((t) => t.tier === tier)?.words ?? null;
  }

  protected rangeWords(index: number, tier: string): string {
    return this.indicator(index).tierRanges?.find((t) => t.tier === tier)?.words ?? '';
  }

  protected filesOf(indicatorId: string | null | undefined): EvidenceFileDto[] {
    return (this.evaluation.value()?.evidence ?? []).filter((e) => e.indicatorId === (indicatorId ?? null));
  }

  protected isMissing(indicatorId: string | undefined): boolean {
    return !!indicatorId && (this.evaluation.value()?.missingEvidence ?? []).includes(indicatorId);
  }

  protected set(index: number, change: Partial<RowInput>): void {
    this.form.update((f) => (f ? { ...f, rows: f.rows.map((r, i) => (i === index ? { ...r, ...change } : r)) } : f));
  }

  protected setMoney(field: 'executed' | 'adjustment' | 'goalActual', value: string): void {
    this.form.update((f) => (f ? { ...f, [field]: field === 'goalActual' ? value : amountOf(value) } : f));
  }

  async save(): Promise<boolean> {
    const e = this.evaluation.value();
    const form = this.form();
    if (!e || !form) return false;
    return this.run(async () => {
      this.evaluation.set(await this.api.save(e.id, saveRequestOf(e, form)));
      return this.text.saved;
    });
  }

  async submit(): Promise<void> {
    if (this.canEdit() && this.dirty() && !(await this.save())) return;
    await this.transition('submit', '');
  }

  async decide(comment: string): Promise<void> {
    const action = this.deciding();
    if (action && (await this.transition(action, comment))) this.deciding.set(null);
  }

  async override(choice: OverrideChoice): Promise<void> {
    const id = this.id();
    const done = await this.run(async () => {
      this.evaluation.set(await this.api.override(id, choice));
      return '已调整得分，原计算得分保留在表中和历史中';
    });
    if (done) this.overriding.set(null);
  }

  async dismissFlag(choice: { code: string; reason: string }): Promise<void> {
    const id = this.id();
    const done = await this.run(async () => {
      this.evaluation.set(await this.api.dismissFlag(id, choice.code, choice.reason));
      return '已排除该疑点';
    });
    if (done) this.flagsPanel()?.done();
  }

  imported(evaluation: SelfEvaluationDto): void {
    this.evaluation.set(evaluation);
  }

  reload(): void {
    this.stale.set(null);
    this.refused.set([]);
    this.evaluation.reload();
  }

  print(): void {
    window.print();
  }

  /** A file goes up without reloading the form, so nothing typed is lost. */
  async upload(event: Event, indicatorId: string | null): Promise<void> {
    const el = event.target as HTMLInputElement;
    const file = el.files?.[0];
    el.value = '';
    if (!file) return;
    try {
      const stored = await this.api.attach(this.id(), file, indicatorId);
      this.evaluation.update((e) => (e ? { ...e, evidence: [...e.evidence, stored], missingEvidence: e.missingEvidence.filter((m) => m !== indicatorId) } : e));
      this.message.success(`已上传“${file.name}”`);
    } catch (error) {
      this.message.error(messageOf(error));
    }
  }

  async removeFile(file: EvidenceFileDto): Promise<void> {
    await this.run(async () => {
      await this.api.removeEvidence(file.id);
      this.evaluation.update((e) => {
        if (!e) return e;
        const evidence = e.evidence.filter((f) => f.id !== file.id);
        const row = e.indicators.find((r) => r.indicatorId === file.indicatorId);
        const nowMissing = !!row && row.applicable && !!row.evidenceRequired.trim() && !evidence.some((f) => f.indicatorId === row.indicatorId);
        return { ...e, evidence, missingEvidence: nowMissing ? [...e.missingEvidence, row.indicatorId] : e.missingEvidence };
      });
      return `已删除“${file.fileName}”`;
    });
  }

  private transition(name: EvaluationTransition, comment: string): Promise<boolean> {
    const e = this.evaluation.value();
    if (!e) return Promise.resolve(false);
    return this.run(async () => {
      this.evaluation.set(await this.api.transition(e.id, name, { version: e.version, ...(comment ? { comment } : {}) }));
      return `已${({ submit: '提交', approve: '审核通过', return: '退回' } as const)[name]}`;
    });
  }

  private run(action: () => Promise<string>): Promise<boolean> {
    return runDocumentAction({ busy: this.busy, refused: this.refused, stale: this.stale }, this.message, action);
  }
}
