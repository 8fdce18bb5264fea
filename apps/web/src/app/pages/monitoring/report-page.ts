import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { EvidenceFileDto, MonitoringReportDto, TargetIndicatorDto } from '@pm/api-contract';
import { assessReport, CHAIN_ACTION_LABELS, ChainAction, decimalOf, LIKELIHOODS, percentOf, QUALITATIVE_PROGRESS, ReportRow, SheetCheck } from '@pm/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzBreadCrumbModule } from 'ng-zorro-antd/breadcrumb';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { messageOf } from '../../core/api-errors.interceptor';
import { SessionService } from '../../core/session.service';
import { PATHS } from '../../paths';
import { MONITORING_COLUMNS } from '../../shared/indicator-grid/grid-columns';
import { GridCell, IndicatorGrid } from '../../shared/indicator-grid/indicator-grid';
import { YuanPipe } from '../../shared/money';
import { runAction } from '../../shared/run-action';
import { WarningTag } from '../../shared/warning-tag/warning-tag';
import { MonitoringApi, ReportTransition } from './monitoring.api';
import { MONITORING_TEXT, REPORT_STATUS_LABELS } from './monitoring.text';

type Progress = Pick<ReportRow, 'current' | 'forecast' | 'likelihood' | 'reasons' | 'reasonNote' | 'measures'>;

/**
 * 项目支出绩效目标执行监控表 as the lead fills it: the approved indicators on the one grid with what
 * is done so far, each row's colour and arithmetic recomputed in the browser by the domain's rules
 * (with the round's parameters), the checks that block a submit, evidence, review and red follow-ups.
 */
@Component({
  selector: 'pm-monitoring-report-page',
  imports: [FormsModule, RouterLink, YuanPipe, IndicatorGrid, GridCell, WarningTag, NzAlertModule, NzBreadCrumbModule, NzButtonModule, NzCardModule, NzInputModule, NzSelectModule, NzTagModule, NzTimelineModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './report-page.html',
  styleUrl: '../../shared/sheet.css',
})
export class MonitoringReportPage {
  private readonly api = inject(MonitoringApi);
  private readonly message = inject(NzMessageService);
  private readonly session = inject(SessionService);
  readonly id = input.required<string>();

  protected readonly text = MONITORING_TEXT;
  protected readonly statusLabels = REPORT_STATUS_LABELS;
  protected readonly columns = MONITORING_COLUMNS;
  protected readonly likelihoods = LIKELIHOODS;
  protected readonly phrases = QUALITATIVE_PROGRESS;
  protected readonly base = PATHS.monitoring;
  protected readonly projects = PATHS.projects;

  protected readonly report = resource({ params: () => this.id(), loader: ({ params }) => this.api.report(params) });
  protected readonly history = resource({ params: () => this.id(), loader: ({ params }) => this.api.versions(params) });
  /** The project's reports across the rounds: its trend. */
  protected readonly trend = resource({ params: () => this.report.value()?.projectId, loader: ({ params }) => this.api.trend(params) });
  /** The approved definitions as the grid's rows (read-only), keyed by indicator id. */
  protected readonly definitions = computed<TargetIndicatorDto[]>(() =>
    (this.report.value()?.indicators ?? []).map((r) => ({ id: r.indicatorId, level1: r.level1, level2: r.level2, name: r.name, comparator: r.comparator as TargetIndicatorDto['comparator'], value: r.value, unit: r.unit, kind: r.kind as TargetIndicatorDto['kind'], content: '', basis: '', lastYearActual: null, weight: r.weight, scoringRule: '', evidence: r.evidenceRequired })),
  );
  /** What the lead reports, row by row, until saved. */
  protected readonly progress = linkedSignal<Progress[]>(() => (this.report.value()?.indicators ?? []).map((r) => ({ current: r.current, forecast: r.forecast, likelihood: r.likelihood, reasons: [...r.reasons], reasonNote: r.reasonNote, measures: r.measures })));
  protected readonly budget = linkedSignal(() => ({ executed: this.report.value()?.budget.executed ?? '', forecast: this.report.value()?.budget.forecast ?? '' }));
  protected readonly goalProgress = linkedSignal(() => this.report.value()?.goalProgress ?? '');
  protected readonly busy = signal(false);
  protected comment = '';
  protected noteIndicator: string | null = null;
  protected noteText = '';
  protected readonly rowNotes = signal<{ indicatorId: string; message: string }[]>([]);
  protected cut = { amount: '', reason: '' };

  /** Every warning and check, on every keystroke, by the same domain code the API stores them with. */
  protected readonly assessment = computed(() => {
    const r = this.report.value();
    if (!r) return null;
    const rows = r.indicators.map((d, i) => ({ ...d, ...this.progress()[i] }));
    return assessReport({ annual: r.budget.annual, executed: this.budget().executed || null, forecast: this.budget().forecast || null }, rows, r.cutoffMonth, r.profile.warningRules, r.profile.deviationCategories);
  });
  protected readonly checks = computed<SheetCheck[]>(() => this.assessment()?.checks ?? []);
  protected readonly reportChecks = computed(() => this.checks().filter((c) => c.row === null));
  protected readonly blocking = computed(() => this.checks().filter((c) => c.severity === 'blocking').length);
  protected readonly rate = computed(() => {
    const executed = decimalOf(this.budget().executed);
    const annual = decimalOf(this.report.value()?.budget.annual);
    return executed && annual && !annual.isZero() ? `${percentOf(executed.div(annual))}%` : '—';
  });

  private readonly actions = computed(() => this.report.value()?.actions ?? []);
  protected readonly canEdit = computed(() => this.actions().includes('save') && this.report.value()?.roundStatus === 'open');
  protected readonly canReview = computed(() => this.actions().includes('approve'));
  protected readonly canSubmit = computed(() => this.actions().includes('submit') && this.report.value()?.roundStatus === 'open');
  /** The lead of a red report may lead it into an adjustment or a budget cut. */
  protected readonly redFollowUp = computed(() => this.report.value()?.colour === 'red' && this.session.can('monitoring.edit'));
  protected readonly notesById = computed(() => {
    const notes: Record<string, string[]> = {};
    for (const c of this.report.value()?.sinceReturn?.rowComments ?? []) if (c.indicatorId) notes[c.indicatorId] = [...(notes[c.indicatorId] ?? []), c.resolved ? `${c.message}（已修改）` : c.message];
    for (const n of this.rowNotes()) notes[n.indicatorId] = [...(notes[n.indicatorId] ?? []), `${n.message}（随审核意见发送）`];
    return notes;
  });

  protected targetOf(row: TargetIndicatorDto): string {
    return `${row.comparator && row.comparator !== '定性' ? row.comparator : ''}${row.value}${row.unit}`;
  }

  protected filesOf(indicatorId: string | undefined): EvidenceFileDto[] {
    return (this.report.value()?.evidence ?? []).filter((e) => e.indicatorId === (indicatorId ?? null));
  }

  protected isMissing(indicatorId: string | undefined): boolean {
    return !!indicatorId && (this.report.value()?.missingEvidence ?? []).includes(indicatorId);
  }

  protected warningOf(index: number) {
    return this.assessment()?.rows[index] ?? null;
  }

  protected set(index: number, change: Partial<Progress>): void {
    this.progress.update((rows) => rows.map((r, i) => (i === index ? { ...r, ...change } : r)));
  }

  protected setBudget(field: 'executed' | 'forecast', value: string): void {
    this.budget.update((b) => ({ ...b, [field]: value.replace(/[,，\s]/g, '') }));
  }

  async save(): Promise<boolean> {
    const r = this.report.value() as MonitoringReportDto;
    return runAction(this.busy, this.message, async () => {
      this.report.set(
        await this.api.save(this.id(), {
          version: r.version,
          budget: { executed: this.budget().executed || null, forecast: this.budget().forecast || null },
          goalProgress: this.goalProgress(),
          indicators: r.indicators.map((d, i) => ({ indicatorId: d.indicatorId, ...this.progress()[i], reasons: [...this.progress()[i].reasons] })),
        }),
      );
      return this.text.saved;
    });
  }

  async submit(): Promise<void> {
    if (this.canEdit() && !(await this.save())) return;
    await this.transition('submit', {});
  }

  addRowNote(): void {
    const text = this.noteText.trim();
    if (!this.noteIndicator || !text) return;
    this.rowNotes.update((n) => [...n, { indicatorId: this.noteIndicator as string, message: text }]);
    this.noteText = '';
  }

  async decide(name: 'approve' | 'return'): Promise<void> {
    await this.transition(name, { comment: this.comment.trim() || undefined, rowComments: this.rowNotes().length ? this.rowNotes() : undefined });
  }

  async startAdjustment(): Promise<void> {
    await runAction(this.busy, this.message, async () => {
      this.report.set(await this.api.startAdjustment(this.id()));
      return '已发起目标调整，请到绩效目标表修改标红的指标';
    });
  }

  async requestBudgetCut(): Promise<void> {
    await runAction(this.busy, this.message, async () => {
      this.report.set(await this.api.requestBudgetCut(this.id(), this.cut.amount.replace(/[,，\s]/g, ''), this.cut.reason));
      return '已提交调减预算申请，等待财政审核';
    });
  }

  async decideBudgetCut(name: 'approve' | 'return'): Promise<void> {
    const cut = this.report.value()?.budgetCut;
    if (!cut) return;
    await runAction(this.busy, this.message, async () => {
      await this.api.decideBudgetCut(cut.id, name, this.comment.trim());
      this.report.reload();
      return name === 'approve' ? '已同意调减' : '已退回调减申请';
    });
  }

  async upload(event: Event, indicatorId: string | null): Promise<void> {
    const inputEl = event.target as HTMLInputElement;
    const file = inputEl.files?.[0];
    inputEl.value = '';
    if (!file) return;
    try {
      await this.api.attach(this.id(), file, indicatorId);
      this.message.success(`已上传“${file.name}”`);
      this.report.reload();
    } catch (error) {
      this.message.error(messageOf(error));
    }
  }

  async removeFile(file: EvidenceFileDto): Promise<void> {
    await runAction(this.busy, this.message, async () => {
      await this.api.removeEvidence(file.id);
      this.report.reload();
      return `已删除“${file.fileName}”`;
    });
  }

  versionLabel(action: string): string {
    return CHAIN_ACTION_LABELS[action as ChainAction] ?? action;
  }

  private transition(name: ReportTransition, body: Parameters<MonitoringApi['transition']>[2]): Promise<boolean> {
    const version = this.report.value()?.version;
    return runAction(this.busy, this.message, async () => {
      this.report.set(await this.api.transition(this.id(), name, { ...body, version }));
      this.history.reload();
      this.comment = '';
      this.rowNotes.set([]);
      return `已${({ submit: '提交', approve: '审核通过', return: '退回' } as const)[name]}`;
    });
  }
}
