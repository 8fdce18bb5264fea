import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, numberAttribute, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { DepartmentTargetDto, SaveDepartmentTargetRequest, TargetIndicatorDto } from '@pm/api-contract';
import { checkDepartmentTarget, DEFAULT_PROFILE, DEPARTMENT_DICTIONARY, DEPARTMENT_TARGET_STATUS_LABELS, DepartmentBudget, SheetCheck } from '@pm/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzBreadCrumbModule } from 'ng-zorro-antd/breadcrumb';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { PATHS } from '../../paths';
import { normaliseYuan, YuanPipe } from '../../shared/money';
import { runAction } from '../../shared/run-action';
import { DEPARTMENT_COLUMNS } from '../../shared/indicator-grid/grid-columns';
import { emptyRow, grouped, insertInGroup, rowsFromPaste } from '../../shared/indicator-grid/grid-rows';
import { IndicatorGrid } from '../../shared/indicator-grid/indicator-grid';
import { ReviewHistory } from '../../shared/review-history/review-history';
import { SignOffBlock } from '../../shared/sign-off/sign-off-block';
import { DepartmentProjects } from './department-projects';
import { DepartmentTargetsApi, DepartmentTransition } from './department-targets.api';
import { SHEET_TEXT } from '../targets/targets.text';
import { DEPARTMENT_TARGET_TEXT } from './department-targets.text';

type Content = Pick<DepartmentTargetDto, 'duties' | 'tasks' | 'budget' | 'indicators'>;

/** 部门整体绩效目标表: filled in by the department, reviewed and approved by finance. */
@Component({
  selector: 'pm-department-target-page',
  imports: [IndicatorGrid, ReviewHistory, SignOffBlock, DepartmentProjects, FormsModule, RouterLink, YuanPipe, NzAlertModule, NzBreadCrumbModule, NzButtonModule, NzCardModule, NzInputModule, NzModalModule, NzSelectModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './department-target-page.html',
  styleUrl: '../../shared/sheet.css',
})
export class DepartmentTargetPage {
  private readonly api = inject(DepartmentTargetsApi);
  private readonly message = inject(NzMessageService);
  readonly departmentId = input.required<string>();
  readonly year = input.required({ transform: numberAttribute });

  protected readonly listPath = PATHS.departmentTargets;
  protected readonly text = DEPARTMENT_TARGET_TEXT;
  protected readonly statusLabels = DEPARTMENT_TARGET_STATUS_LABELS;
  protected readonly columns = DEPARTMENT_COLUMNS;
  protected readonly dictionary = DEPARTMENT_DICTIONARY;
  protected readonly budgetFields: { key: keyof DepartmentBudget; label: string }[] = [
    { key: 'total', label: '年度预算总额' },
    { key: 'basic', label: '基本支出' },
    { key: 'project', label: '项目支出' },
    { key: 'appropriation', label: '财政拨款' },
    { key: 'carryOver', label: '上年结转' },
    { key: 'other', label: '其他资金' },
  ];

  protected readonly target = resource({
    params: () => ({ id: this.departmentId(), year: this.year() }),
    loader: ({ params }) => this.api.read(params.id, params.year),
  });
  /** Its versions: 提交, 退回, 批复 with who, when and the comment (reloaded after each decision). */
  protected readonly history = resource({
    params: () => ({ id: this.departmentId(), year: this.year() }),
    loader: ({ params }) => this.api.versions(params.id, params.year),
  });
  /** The one version number a clerk sees, as on the target sheet: the history's 第 N 版, not the save counter. */
  protected readonly versionText = computed(() => {
    const latest = Math.max(0, ...(this.history.value() ?? []).map((v) => v.number));
    if (latest === 0) return SHEET_TEXT.notSubmitted;
    return this.target.value()?.status === 'draft' ? SHEET_TEXT.editingAfter(latest) : SHEET_TEXT.versionNumber(latest);
  });
  /** The working copy, reset whenever the target is (re)loaded. */
  protected readonly content = linkedSignal<Content | null>(() => {
    const t = this.target.value();
    return t ? { duties: [...t.duties], tasks: t.tasks.map((x) => ({ ...x })), budget: { ...t.budget }, indicators: t.indicators.map((r) => ({ ...r })) } : null;
  });
  protected readonly editing = signal(false);
  protected readonly busy = signal(false);
  protected readonly pasting = signal(false);
  protected pasteText = '';
  protected comment = '';

  /** The same checks the API runs, on every keystroke. */
  protected readonly checks = computed<SheetCheck[]>(() => {
    const c = this.content();
    return c ? checkDepartmentTarget(c, this.target.value()?.profile ?? DEFAULT_PROFILE) : [];
  });
  protected readonly blocking = computed(() => this.checks().filter((c) => c.severity === 'blocking').length);
  protected readonly sheetChecks = computed(() => this.checks().filter((c) => c.row === null));

  /** What the review chain lets this user do now, as the API answered it from the chain table. */
  private readonly actions = computed(() => this.target.value()?.actions ?? []);
  protected readonly canEdit = computed(() => this.actions().includes('submit'));
  protected readonly canReview = computed(() => this.actions().includes('approve'));

  private change(update: (c: Content) => Content): void {
    this.content.update((c) => (c ? update(c) : c));
  }

  setDuty(index: number, text: string): void {
    this.change((c) => ({ ...c, duties: c.duties.map((d, i) => (i === index ? text : d)) }));
  }

  addDuty(): void {
    this.change((c) => ({ ...c, duties: [...c.duties, ''] }));
  }

  removeDuty(index: number): void {
    this.change((c) => ({ ...c, duties: c.duties.filter((_, i) => i !== index) }));
  }

  setTask(index: number, field: 'name' | 'content', text: string): void {
    this.change((c) => ({ ...c, tasks: c.tasks.map((t, i) => (i === index ? { ...t, [field]: text } : t)) }));
  }

  addTask(): void {
    this.change((c) => ({ ...c, tasks: [...c.tasks, { name: '', content: '' }] }));
  }

  removeTask(index: number): void {
    this.change((c) => ({ ...c, tasks: c.tasks.filter((_, i) => i !== index) }));
  }

  /** Amounts are typed in yuan, with or without thousands separators. */
  setBudget(field: keyof DepartmentBudget, typed: string): void {
    const amount = normaliseYuan(typed.trim() || '0');
    if (amount === null) {
      this.message.error(`“${typed}”不是金额，请填写以元为单位的数字，如 2,790,000.00`);
      return;
    }
    this.change((c) => ({ ...c, budget: { ...c.budget, [field]: amount } }));
  }

  setIndicators(indicators: TargetIndicatorDto[]): void {
    this.change((c) => ({ ...c, indicators }));
  }

  addRow(): void {
    const last = this.content()?.indicators.at(-1);
    this.change((c) => ({ ...c, indicators: insertInGroup(c.indicators, { ...emptyRow(last?.level1 ?? '产出指标', last?.level2 ?? '数量指标') }) }));
  }

  applyPaste(): void {
    const pasted = rowsFromPaste(this.pasteText).map((r) => ({ ...r, weight: null }));
    this.change((c) => ({ ...c, indicators: grouped([...c.indicators.filter((r) => r.name.trim() || r.value.trim()), ...pasted]) }));
    this.pasting.set(false);
    this.pasteText = '';
    this.message.info(`已粘贴 ${pasted.length} 行`);
  }

  print(): void {
    window.print();
  }

  startEditing(): void {
    if (this.content()?.duties.length === 0) this.addDuty();
    if (this.content()?.indicators.length === 0) this.addRow();
    this.editing.set(true);
  }

  cancelEdit(): void {
    this.editing.set(false);
    this.target.reload();
  }

  async save(): Promise<boolean> {
    const target = this.target.value() as DepartmentTargetDto;
    const body: SaveDepartmentTargetRequest = { version: target.version, ...(this.content() as Content) };
    const saved = await this.run(async () => {
      this.target.set(await this.api.save(this.departmentId(), this.year(), body));
      return '已保存';
    });
    if (saved) this.editing.set(false);
    return saved;
  }

  async submit(): Promise<void> {
    if (this.editing() && !(await this.save())) return;
    await this.transition('submit');
  }

  approve(): Promise<boolean> {
    return this.transition('approve');
  }

  giveBack(): Promise<boolean> {
    return this.transition('return');
  }

  private transition(name: DepartmentTransition): Promise<boolean> {
    const version = this.target.value()?.version;
    return this.run(async () => {
      this.target.set(await this.api.transition(this.departmentId(), this.year(), name, { version, comment: this.comment.trim() || undefined }));
      this.history.reload();
      this.comment = '';
      return `已${({ submit: '提交财政审核', approve: '批复', return: '退回' } as const)[name]}`;
    });
  }

  private run(action: () => Promise<string>): Promise<boolean> {
    return runAction(this.busy, this.message, action);
  }
}
