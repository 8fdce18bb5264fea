import { ChangeDetectionStrategy, Component, computed, effect, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { SelfEvaluationIndicatorDto } from '@pm/api-contract';
import { decimalOf } from '@pm/domain';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { SELF_EVALUATION_TEXT } from './self-evaluation.text';

export interface OverrideChoice {
  indicatorId: string;
  score: string;
  reason: string;
}

/** A reviewer replaces one computed score: a new score between 0 and the row's 分值, and a reason. */
@Component({
  selector: 'pm-override-dialog',
  imports: [FormsModule, NzInputModule, NzModalModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal [nzVisible]="row() !== null" [nzTitle]="text.overrideTitle" (nzOnCancel)="closed.emit()" (nzOnOk)="confirm()" [nzOkLoading]="busy()" [nzOkDisabled]="problem() !== null" nzOkText="确认调整">
      <ng-container *nzModalContent>
        @if (row(); as r) {
          <div class="form" data-test="override-dialog">
            <span>指标</span><b>{{ r.level1 }} › {{ r.level2 }} › {{ r.name }}</b>
            <span>{{ text.weight }}</span><span>{{ r.weight ?? '—' }}</span>
            <span>{{ text.overrideComputed }}</span>
            <span data-test="override-computed"><b>{{ r.computedScore ?? '—' }}</b> <span class="content">{{ r.explanation?.formula }}</span></span>
            <label for="override-score">{{ text.overrideNewScore }}</label>
            <span><input id="override-score" nz-input class="num" style="width: 120px" [ngModel]="score()" (ngModelChange)="score.set($event)" data-test="override-score" /> <span class="content">0–{{ r.weight ?? '分值' }}</span></span>
            <label for="override-reason">{{ text.overrideReason }}</label>
            <textarea id="override-reason" nz-input rows="3" [ngModel]="reason()" (ngModelChange)="reason.set($event)" [placeholder]="text.overrideReasonPlaceholder" data-test="override-reason"></textarea>
          </div>
          @if (problem(); as p) { <div class="problem" data-test="override-problem">{{ p }}</div> }
        }
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .form { display: grid; grid-template-columns: 100px 1fr; gap: 8px 10px; align-items: center; }
    .content { color: #595959; font-size: 12px; }
    .num { text-align: right; }
    .problem { color: #ad6800; font-size: 12px; margin-top: 8px; }
  `,
})
export class OverrideDialog {
  readonly row = input<SelfEvaluationIndicatorDto | null>(null);
  readonly busy = input(false);
  readonly confirmed = output<OverrideChoice>();
  readonly closed = output<void>();
  protected readonly text = SELF_EVALUATION_TEXT;
  protected readonly score = signal('');
  protected readonly reason = signal('');

  constructor() {
    // a new row starts from its score in force and an empty reason
    effect(() => {
      const r = this.row();
      this.score.set(r?.score ?? r?.computedScore ?? '');
      this.reason.set('');
    });
  }

  /** Why the choice cannot be sent yet, or null. */
  protected readonly problem = computed(() => {
    const r = this.row();
    if (!r) return null;
    const score = decimalOf(this.score());
    const weight = decimalOf(r.weight);
    if (!score || score.isNegative() || (weight && score.greaterThan(weight))) return `调整后的得分应为 0–${r.weight ?? '分值'} 之间的数字`;
    if (!this.reason().trim()) return '请写明调整得分的理由';
    return null;
  });

  protected confirm(): void {
    const r = this.row();
    if (!r || this.problem()) return;
    this.confirmed.emit({ indicatorId: r.indicatorId, score: this.score().trim(), reason: this.reason().trim() });
  }
}
