import { ChangeDetectionStrategy, Component, computed, inject, input, linkedSignal, output, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { runAction } from '../../shared/run-action';
import { SelfEvaluationApi } from './self-evaluation.api';
import { SELF_EVALUATION_TEXT } from './self-evaluation.text';

/** Finance opens a year's self-evaluation (or adds the projects approved since) and sees what it holds. */
@Component({
  selector: 'pm-round-card',
  imports: [FormsModule, NzButtonModule, NzCardModule, NzInputModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card nzSize="small" [nzTitle]="fiscalYear() + ' 年度' + text.round" data-test="round-card">
      @if (round(); as r) {
        <div class="line" data-test="round">
          <span>{{ text.deadline }} <b>{{ r.deadline }}</b></span>
          <span>{{ text.evaluations }} <b data-test="round-evaluations">{{ r.evaluations }}</b> 张</span>
        </div>
      } @else if (!rounds.isLoading()) {
        <div class="line content" data-test="no-round">{{ text.noRound }}</div>
      }
      <div class="line">
        <label for="round-deadline">{{ text.deadline }}</label>
        <input id="round-deadline" nz-input type="date" style="width: 160px" [ngModel]="deadline()" (ngModelChange)="deadline.set($event)" data-test="round-deadline" />
        <button nz-button nzType="primary" [disabled]="!deadline()" [nzLoading]="busy()" (click)="open()" data-test="open-round">{{ round() ? text.reopenRound : text.openRound }}</button>
      </div>
      <div class="content">{{ text.openHint }}</div>
    </nz-card>
  `,
  styles: `
    .line { display: flex; gap: 16px; align-items: center; margin-bottom: 8px; flex-wrap: wrap; }
    .content { color: #595959; font-size: 12px; }
  `,
})
export class RoundCard {
  private readonly api = inject(SelfEvaluationApi);
  private readonly message = inject(NzMessageService);
  readonly fiscalYear = input.required<number>();
  readonly opened = output<void>();
  protected readonly text = SELF_EVALUATION_TEXT;
  protected readonly busy = signal(false);
  protected readonly rounds = resource({ params: () => this.fiscalYear(), loader: ({ params }) => this.api.rounds(params) });
  protected readonly round = computed(() => this.rounds.value()?.items.find((r) => r.fiscalYear === this.fiscalYear()) ?? null);
  /** The round's deadline once it is open; finance picks one for a new round. */
  protected readonly deadline = linkedSignal(() => this.round()?.deadline ?? '');

  async open(): Promise<void> {
    const fiscalYear = this.fiscalYear();
    const done = await runAction(this.busy, this.message, async () => {
      const round = await this.api.openRound({ fiscalYear, deadline: this.deadline() });
      return `已开启 ${round.fiscalYear} 年度绩效自评，共 ${round.evaluations} 张自评表`;
    });
    if (done) {
      this.rounds.reload();
      this.opened.emit();
    }
  }
}
