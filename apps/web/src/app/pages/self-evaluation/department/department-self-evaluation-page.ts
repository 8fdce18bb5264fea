import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, numberAttribute, resource, signal } from '@angular/core';
import { NgTemplateOutlet } from '@angular/common';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { DepartmentSelfEvaluationDto } from '@pm/api-contract';
import { ScoringParameters, SheetCheck } from '@pm/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzBreadCrumbModule } from 'ng-zorro-antd/breadcrumb';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzSpinModule } from 'ng-zorro-antd/spin';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { NzTooltipModule } from 'ng-zorro-antd/tooltip';
import { PATHS } from '../../../paths';
import { GridCell, IndicatorGrid } from '../../../shared/indicator-grid/indicator-grid';
import { YuanPipe } from '../../../shared/money';
import { ReferenceDataService } from '../../../shared/reference/reference-data.service';
import { DecisionDialog } from '../decision-dialog';
import { mergedChecks } from '../../../shared/refusals';
import { amountOf } from '../evaluation-form';
import { EvaluationHistory } from '../history-drawer';
import { DEPARTMENT_SELF_EVALUATION_STATUS_LABELS } from '../self-evaluation.text';
import {
  BudgetField,
  BudgetPart,
  DEPARTMENT_SELF_EVALUATION_COLUMNS,
  DepartmentFormInput,
  gridRowsOf,
  inputOf,
  isQuantitative,
  liveFigures,
  placeOf,
  projectsDifference,
  projectsLine,
  saveRequestOf,
  yearParameters,
} from './department-self-evaluation-form';
import { DepartmentEvaluationTransition, DepartmentSelfEvaluationApi } from './department-self-evaluation.api';
import { DEPARTMENT_SELF_EVALUATION_TEXT } from './department-self-evaluation.text';
import { runDocumentAction } from '../run-action';

/**
 * 部门整体支出绩效自评表 (附表14 of the final accounts) as the department fills it and finance reads it:
 * the money block recomputed as the clerk types (预算确定数, 执行率) beside what the projects' 自评表 add
 * up to, each 部门年度目标 with its 完成情况, the overall target's indicators on the one grid with
 * 实际完成值 and the 偏差原因 a shortfall needs, the checks live, the chain's buttons, history, export.
 */
@Component({
  selector: 'pm-department-self-evaluation-page',
  imports: [NgTemplateOutlet, FormsModule, RouterLink, YuanPipe, IndicatorGrid, GridCell, DecisionDialog, EvaluationHistory, NzAlertModule, NzBreadCrumbModule, NzButtonModule, NzCardModule, NzInputModule, NzSpinModule, NzTagModule, NzTooltipModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './department-self-evaluation-page.html',
  styleUrls: ['../../../shared/sheet.css', './department-self-evaluation-page.css'],
})
export class DepartmentSelfEvaluationPage {
  private readonly api = inject(DepartmentSelfEvaluationApi);
  private readonly reference = inject(ReferenceDataService);
  private readonly message = inject(NzMessageService);
  readonly departmentId = input.required<string>();
  readonly year = input.required({ transform: numberAttribute });

  protected readonly text = DEPARTMENT_SELF_EVALUATION_TEXT;
  protected readonly statusLabels = DEPARTMENT_SELF_EVALUATION_STATUS_LABELS;
  protected readonly columns = DEPARTMENT_SELF_EVALUATION_COLUMNS;
  protected readonly selfEvaluationPath = PATHS.selfEvaluation;
  protected readonly listPath = PATHS.departmentSelfEvaluations;
  protected readonly departmentTargetsPath = PATHS.departmentTargets;
  protected readonly parts: { key: BudgetPart; label: string }[] = [
    { key: 'basic', label: DEPARTMENT_SELF_EVALUATION_TEXT.basic },
    { key: 'project', label: DEPARTMENT_SELF_EVALUATION_TEXT.project },
  ];
  protected readonly isQuantitative = isQuantitative;

  protected readonly evaluation = resource({
    params: () => ({ id: this.departmentId(), year: this.year() }),
    loader: ({ params }) => this.api.read(params.id, params.year),
  });
  private readonly profiles = resource({ loader: () => this.api.profiles() });
  /** The table as last read or answered; undefined while loading or when it cannot be read. */
  protected readonly loaded = computed(() => (this.evaluation.hasValue() ? this.evaluation.value() : undefined));
  /** The year's parameters, as the server checks the table with them. */
  private readonly parameters = computed<ScoringParameters | null>(() => {
    const years = this.reference.fiscalYears.hasValue() ? this.reference.fiscalYears.value() : this.reference.fiscalYears.error() ? [] : null;
    const profiles = this.profiles.hasValue() ? this.profiles.value() : this.profiles.error() ? [] : null;
    return years && profiles ? yearParameters(this.year(), years, profiles) : null;
  });

  /** What is typed, until saved; a new answer from the server starts it again. */
  protected readonly form = linkedSignal<DepartmentFormInput | null>(() => {
    const e = this.loaded();
    return e ? inputOf(e) : null;
  });
  protected readonly rows = computed(() => {
    const e = this.loaded();
    return e ? gridRowsOf(e) : [];
  });
  protected readonly figures = computed(() => {
    const [e, form, parameters] = [this.loaded(), this.form(), this.parameters()];
    return e && form && parameters ? liveFigures(e, form, parameters) : null;
  });
  protected readonly fromProjects = computed(() => {
    const [e, parameters] = [this.loaded(), this.parameters()];
    return e && parameters ? projectsLine(e, parameters) : null;
  });
  /** 执行数 of 项目支出 against the projects' total, as a hint. */
  protected readonly projectsGap = computed(() => {
    const [e, form] = [this.loaded(), this.form()];
    return e && form && e.fromProjects.evaluations > 0 ? projectsDifference(form.budget.project.executed, e.fromProjects.executed) : null;
  });

  /** While either line's 执行数 is not filled, the whole's is not known. */
  protected readonly partial = computed(() => {
    const budget = this.form()?.budget;
    return !budget || !budget.basic.executed.trim() || !budget.project.executed.trim();
  });

  /** The save the server refused, at its fields and rows, until its next answer. */
  private readonly refused = signal<SheetCheck[]>([]);
  protected readonly checks = computed(() => mergedChecks(this.figures()?.checks ?? [], this.refused()));
  protected readonly blocking = computed(() => this.checks().filter((c) => c.severity === 'blocking').length);
  protected readonly gridChecks = computed(() => this.checks().filter((c) => 'indicatorRow' in placeOf(c)));
  protected readonly sheetChecks = computed(() => this.checks().filter((c) => 'sheet' in placeOf(c)));
  protected readonly dirty = computed(() => {
    const [e, form] = [this.loaded(), this.form()];
    return !!e && !!form && JSON.stringify(form) !== JSON.stringify(inputOf(e));
  });
  /** Someone else saved or moved it since it was read (409). */
  protected readonly stale = signal<string | null>(null);
  protected readonly busy = signal(false);
  protected readonly deciding = signal<'approve' | 'return' | null>(null);
  protected readonly showHistory = signal(false);
  protected readonly loadVersions = () => this.api.versions(this.departmentId(), this.year());

  /** What the review chain lets this user do now, as the API answered it. */
  private readonly actions = computed(() => this.loaded()?.actions ?? []);
  protected readonly canEdit = computed(() => this.actions().includes('save'));
  protected readonly canSubmit = computed(() => this.actions().includes('submit'));
  protected readonly canApprove = computed(() => this.actions().includes('approve'));
  protected readonly canReturn = computed(() => this.actions().includes('return'));
  protected readonly exportUrl = computed(() => this.api.exportUrl(this.departmentId(), this.year()));

  protected typed(part: BudgetPart, field: BudgetField): string {
    return this.form()?.budget[part][field] ?? '';
  }

  protected budgetChecks(part: BudgetPart, field: BudgetField): SheetCheck[] {
    const at = `${part}.${field}`;
    return this.checks().filter((c) => {
      const place = placeOf(c);
      return 'budget' in place && place.budget === at;
    });
  }

  protected dutyChecks(index: number): SheetCheck[] {
    return this.checks().filter((c) => {
      const place = placeOf(c);
      return 'duty' in place && place.duty === index;
    });
  }

  /** “第 1 项部门年度目标“…”：请填写完成情况” without the goal, shown beside the goal itself. */
  protected withoutDuty(message: string): string {
    return message.replace(/^第 \d+ 项部门年度目标“[^”]*”：/, '');
  }

  protected needsNote(index: number): boolean {
    return this.figures()?.needsNote[index] ?? false;
  }

  protected indicatorInput(index: number): DepartmentFormInput['indicators'][number] {
    return (this.form() as DepartmentFormInput).indicators[index];
  }

  protected indicator(index: number): DepartmentSelfEvaluationDto['indicators'][number] {
    return (this.loaded() as DepartmentSelfEvaluationDto).indicators[index];
  }

  protected setBudget(part: BudgetPart, field: BudgetField, typed: string): void {
    this.form.update((f) => (f ? { ...f, budget: { ...f.budget, [part]: { ...f.budget[part], [field]: amountOf(typed) } } } : f));
  }

  /** 项目支出 as the projects' 自评表 add up to. */
  protected useProjects(): void {
    const e = this.loaded();
    if (!e) return;
    const { initial, adjustment, executed } = e.fromProjects;
    this.form.update((f) => (f ? { ...f, budget: { ...f.budget, project: { initial, adjustment, executed } } } : f));
  }

  protected setDutyResult(index: number, result: string): void {
    this.form.update((f) => (f ? { ...f, duties: f.duties.map((d, i) => (i === index ? { ...d, result } : d)) } : f));
  }

  protected setIndicator(index: number, change: Partial<DepartmentFormInput['indicators'][number]>): void {
    this.form.update((f) => (f ? { ...f, indicators: f.indicators.map((r, i) => (i === index ? { ...r, ...change } : r)) } : f));
  }

  protected setNotes(notes: string): void {
    this.form.update((f) => (f ? { ...f, notes } : f));
  }

  async save(): Promise<boolean> {
    const [e, form] = [this.loaded(), this.form()];
    if (!e || !form) return false;
    return this.run(async () => {
      this.evaluation.set(await this.api.save(this.departmentId(), this.year(), saveRequestOf(e, form)));
      return this.text.saved;
    });
  }

  /** Saves first when something is typed (or nothing is stored yet), then submits. */
  async submit(): Promise<void> {
    const e = this.loaded();
    if (!e) return;
    if (this.canEdit() && (this.dirty() || e.version === 0) && !(await this.save())) return;
    await this.transition('submit', '');
  }

  async decide(comment: string): Promise<void> {
    const action = this.deciding();
    if (action && (await this.transition(action, comment))) this.deciding.set(null);
  }

  reload(): void {
    this.stale.set(null);
    this.refused.set([]);
    this.evaluation.reload();
  }

  private transition(name: DepartmentEvaluationTransition, comment: string): Promise<boolean> {
    const e = this.loaded();
    if (!e) return Promise.resolve(false);
    return this.run(async () => {
      this.evaluation.set(await this.api.transition(this.departmentId(), this.year(), name, { version: e.version, ...(comment ? { comment } : {}) }));
      return ({ submit: this.text.submitted, approve: this.text.approved, return: this.text.returnedDone } as const)[name];
    });
  }

  private run(action: () => Promise<string>): Promise<boolean> {
    return runDocumentAction({ busy: this.busy, refused: this.refused, stale: this.stale }, this.message, action);
  }
}
