import { ChangeDetectionStrategy, Component, inject, input, model, resource } from '@angular/core';
import { CHAIN_ACTION_LABELS, ChainAction, SheetStatus } from '@pm/domain';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { SelfEvaluationApi } from './self-evaluation.api';
import { EVALUATION_STATUS_LABELS, SELF_EVALUATION_TEXT } from './self-evaluation.text';

/** Every version of a 自评表: who, when, what (saves, submits, decisions, score overrides) and the comment. */
@Component({
  selector: 'pm-evaluation-history',
  imports: [NzDrawerModule, NzTimelineModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-drawer [nzVisible]="open()" [nzTitle]="text.history" [nzWidth]="480" (nzOnClose)="open.set(false)">
      <ng-container *nzDrawerContent>
        <nz-timeline data-test="history">
          @for (v of versions.value() ?? []; track v.number) {
            <nz-timeline-item [nzColor]="v.action === 'return' ? 'red' : v.action === 'override' ? 'orange' : 'blue'">
              <div data-test="history-item"><div><b>第 {{ v.number }} 版 · {{ label(v.action) }}</b> → {{ status(v.statusAfter) }}</div>
              <div class="content">{{ v.at.slice(0, 16).replace('T', ' ') }} · {{ v.actor.displayName }}</div>
              @if (v.comment) { <div class="comment">“{{ v.comment }}”</div> }</div>
            </nz-timeline-item>
          } @empty {
            <span class="content">{{ text.noHistory }}</span>
          }
        </nz-timeline>
      </ng-container>
    </nz-drawer>
  `,
  styles: `
    .content { color: #595959; font-size: 12px; }
    .comment { white-space: pre-wrap; margin-top: 2px; }
  `,
})
export class EvaluationHistory {
  private readonly api = inject(SelfEvaluationApi);
  readonly evaluationId = input.required<string>();
  /** Changes whenever the evaluation moves, so an open drawer follows. */
  readonly version = input(0);
  readonly open = model(false);
  protected readonly text = SELF_EVALUATION_TEXT;
  protected readonly versions = resource({
    params: () => (this.open() ? { id: this.evaluationId(), version: this.version() } : undefined),
    loader: ({ params }) => this.api.versions(params.id),
  });

  protected label(action: string): string {
    return CHAIN_ACTION_LABELS[action as ChainAction] ?? action;
  }

  protected status(status: string): string {
    return EVALUATION_STATUS_LABELS[status as SheetStatus] ?? status;
  }
}
