import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { BatchApprovalKind, BatchApprovalResult, InboxItem } from '@pm/api-contract';
import { Action, DEPARTMENT_TARGET_STATUS_LABELS, INBOX_STAGE_LABELS, ReviewGrade, SHEET_STATUS_LABELS } from '@pm/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { InboxRefresh } from '../../core/inbox-refresh';
import { SessionService } from '../../core/session.service';
import { PATHS } from '../../paths';
import { runAction } from '../../shared/run-action';
import { REPORT_STATUS_LABELS } from '../monitoring/monitoring.text';
import { DEPARTMENT_SELF_EVALUATION_STATUS_LABELS, EVALUATION_STATUS_LABELS } from '../self-evaluation/self-evaluation.text';
import { InboxApi } from './inbox.api';
import { INBOX_TEXT, STAGE_COLOURS } from './inbox.text';

const PAGE_SIZE = 50;

/** The kinds 批量审核 takes, with the permission a reviewer needs for each. */
const BATCH_KINDS: Record<BatchApprovalKind, Action> = { target_sheet: 'targets.review', monitoring_report: 'monitoring.review', self_evaluation: 'selfEvaluation.review' };

/** 我的待办: the page a user lands on; a reviewer can select several items and approve them at once. */
@Component({
  selector: 'pm-inbox-page',
  imports: [RouterLink, FormsModule, NzAlertModule, NzButtonModule, NzCardModule, NzInputModule, NzModalModule, NzRadioModule, NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  templateUrl: './inbox-page.html',
  styles: `
    .reason { color: #8c8c8c; font-size: 12px; margin-left: 4px; }
    .content { color: #595959; margin-left: 4px; }
    .overdue { color: #cf1322; font-weight: 600; }
    .toolbar { display: flex; gap: 8px; align-items: center; }
    .field { margin-bottom: 12px; }
    .field > .label { display: block; margin-bottom: 4px; }
    .hint { color: #8c8c8c; font-size: 12px; margin-left: 8px; }
  `,
})
export class InboxPage {
  private readonly api = inject(InboxApi);
  private readonly session = inject(SessionService);
  private readonly message = inject(NzMessageService);
  private readonly refresh = inject(InboxRefresh);
  protected readonly text = INBOX_TEXT;
  protected readonly stageLabels = INBOX_STAGE_LABELS;
  protected readonly stageColours = STAGE_COLOURS;
  protected readonly paths = PATHS;
  protected readonly statusLabels = SHEET_STATUS_LABELS;
  protected readonly departmentLabels = DEPARTMENT_TARGET_STATUS_LABELS;
  protected readonly reportLabels = REPORT_STATUS_LABELS;
  protected readonly evaluationLabels = EVALUATION_STATUS_LABELS;
  protected readonly departmentEvaluationLabels = DEPARTMENT_SELF_EVALUATION_STATUS_LABELS;
  protected readonly pageSize = PAGE_SIZE;

  protected readonly page = signal(1);
  protected readonly inbox = resource({
    params: () => ({ page: this.page(), changes: this.refresh.changes() }),
    loader: ({ params }) => this.api.list(params.page, PAGE_SIZE),
  });
  protected readonly items = computed(() => this.inbox.value()?.items ?? []);

  protected readonly selected = signal<ReadonlySet<string>>(new Set());
  protected readonly batchable = computed(() => this.items().filter((i) => this.canBatch(i)));
  protected readonly chosen = computed(() => this.batchable().filter((i) => this.selected().has(keyOf(i))));
  protected readonly allChosen = computed(() => this.batchable().length > 0 && this.chosen().length === this.batchable().length);
  protected readonly needsGrade = computed(() => this.chosen().some((i) => i.kind === 'target_sheet'));

  protected readonly dialogOpen = signal(false);
  protected readonly busy = signal(false);
  protected readonly refused = signal<(BatchApprovalResult & { name: string })[]>([]);
  protected grade: ReviewGrade | null = null;
  protected comment = '';
  protected readonly gradeMissing = signal(false);

  protected keyOf = keyOf;

  protected canBatch(item: InboxItem): boolean {
    return item.kind in BATCH_KINDS && (item.stage === 'to_review' || item.stage === 'to_approve') && this.session.can(BATCH_KINDS[item.kind as BatchApprovalKind]);
  }

  protected toggle(item: InboxItem, on: boolean): void {
    const next = new Set(this.selected());
    if (on) next.add(keyOf(item));
    else next.delete(keyOf(item));
    this.selected.set(next);
  }

  protected toggleAll(on: boolean): void {
    this.selected.set(new Set(on ? this.batchable().map(keyOf) : []));
  }

  protected openDialog(): void {
    this.grade = null;
    this.comment = '';
    this.gradeMissing.set(false);
    this.dialogOpen.set(true);
  }

  protected async approve(): Promise<void> {
    if (this.needsGrade() && !this.grade) {
      this.gradeMissing.set(true);
      return;
    }
    const chosen = this.chosen();
    const names = new Map(chosen.map((i) => [keyOf(i), nameOf(i)]));
    await runAction(this.busy, this.message, async () => {
      const answer = await this.api.approveAll({
        items: chosen.map((i) => ({ kind: i.kind as BatchApprovalKind, id: idOf(i) })),
        comment: this.comment.trim() || undefined,
        reviewGrade: this.needsGrade() ? (this.grade ?? undefined) : undefined,
      });
      this.refused.set(answer.results.filter((r) => !r.ok).map((r) => ({ ...r, name: names.get(`${r.kind}:${r.id}`) ?? '' })));
      this.selected.set(new Set());
      this.dialogOpen.set(false);
      return INBOX_TEXT.done(answer.approved, answer.refused);
    });
  }
}

function idOf(item: InboxItem): string {
  switch (item.kind) {
    case 'target_sheet':
      return item.projectId;
    case 'monitoring_report':
      return item.reportId;
    case 'self_evaluation':
      return item.selfEvaluationId;
    case 'budget_cut':
      return item.budgetCutId;
    default:
      return `${item.departmentId}:${item.fiscalYear}`;
  }
}

function keyOf(item: InboxItem): string {
  return `${item.kind}:${idOf(item)}`;
}

function nameOf(item: InboxItem): string {
  return 'projectName' in item ? item.projectName : item.unitName;
}
