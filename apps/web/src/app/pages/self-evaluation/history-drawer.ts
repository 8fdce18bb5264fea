import { ChangeDetectionStrategy, Component, input, model, resource } from '@angular/core';
import { DocumentVersionDto } from '@pm/api-contract';
import { CHAIN_ACTION_LABELS, ChainAction } from '@pm/domain';
import { NzDrawerModule } from 'ng-zorro-antd/drawer';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { EVALUATION_STATUS_LABELS, SELF_EVALUATION_TEXT } from './self-evaluation.text';

/** Every version of a 自评表 (project or department): who, when, what (saves, submits, decisions, score overrides) and the comment. */
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
  /** Reads the versions of the evaluation shown (`() => api.versions(id)`). */
  readonly load = input.required<() => Promise<DocumentVersionDto[]>>();
  /** Changes whenever the evaluation moves, so an open drawer follows. */
  readonly version = input(0);
  readonly open = model(false);
  /** The states' words of the evaluation's chain. */
  readonly statusLabels = input<Readonly<Record<string, string>>>(EVALUATION_STATUS_LABELS);
  protected readonly text = SELF_EVALUATION_TEXT;
  protected readonly versions = resource({
    params: () => (this.open() ? { load: this.load(), version: this.version() } : undefined),
    loader: ({ params }) => params.load(),
  });

  protected label(action: string): string {
    return CHAIN_ACTION_LABELS[action as ChainAction] ?? action;
  }

  protected status(status: string): string {
    return this.statusLabels()[status] ?? status;
  }
}
