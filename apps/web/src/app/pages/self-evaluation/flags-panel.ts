import { ChangeDetectionStrategy, Component, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { SelfEvaluationDto } from '@pm/api-contract';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { SELF_EVALUATION_TEXT } from './self-evaluation.text';

export type EvaluationFlag = SelfEvaluationDto['flags'][number];

/** The integrity flags of a 自评表; a reviewer dismisses one with a reason, and it stays listed as looked at. */
@Component({
  selector: 'pm-flags-panel',
  imports: [FormsModule, NzButtonModule, NzCardModule, NzInputModule, NzModalModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card nzSize="small" [nzTitle]="text.flagsTitle" class="panel no-print" data-test="flags-panel">
      <div class="content hint">{{ text.flagsHint }}</div>
      @for (f of flags(); track f.code) {
        <div class="flag" [class.dismissed]="f.dismissed" data-test="flag">
          <nz-tag [nzColor]="f.dismissed ? 'default' : 'warning'">{{ f.dismissed ? text.dismissed : '疑点' }}</nz-tag>
          <span class="message">{{ f.message }}</span>
          @if (f.dismissed; as d) {
            <span class="content" data-test="flag-dismissed">{{ text.overrideReason }}：{{ d.reason }} · {{ d.by }} · {{ d.at.slice(0, 16).replace('T', ' ') }}</span>
          } @else if (canDismiss()) {
            <button nz-button nzSize="small" (click)="asking.set(f); reason = ''" data-test="dismiss-flag">{{ text.dismiss }}</button>
          }
        </div>
      }
    </nz-card>
    <nz-modal [nzVisible]="asking() !== null" [nzTitle]="text.dismissTitle" (nzOnCancel)="asking.set(null)" (nzOnOk)="confirm()" [nzOkDisabled]="!reason.trim()" [nzOkLoading]="busy()">
      <ng-container *nzModalContent>
        <p>{{ asking()?.message }}</p>
        <textarea nz-input rows="3" [(ngModel)]="reason" [placeholder]="text.dismissReason" data-test="dismiss-reason"></textarea>
      </ng-container>
    </nz-modal>
  `,
  styles: `
    .panel { margin-top: 12px; }
    .hint { margin-bottom: 6px; }
    .content { color: #595959; font-size: 12px; }
    .flag { display: flex; gap: 8px; align-items: baseline; padding: 4px 0; border-top: 1px dashed #f0f0f0; }
    .flag .message { flex: 1; }
    .flag.dismissed .message { color: #8c8c8c; }
  `,
})
export class FlagsPanel {
  readonly flags = input.required<readonly EvaluationFlag[]>();
  readonly canDismiss = input(false);
  readonly busy = input(false);
  readonly dismissed = output<{ code: string; reason: string }>();
  protected readonly text = SELF_EVALUATION_TEXT;
  protected readonly asking = signal<EvaluationFlag | null>(null);
  protected reason = '';

  protected confirm(): void {
    const flag = this.asking();
    if (!flag || !this.reason.trim()) return;
    this.dismissed.emit({ code: flag.code, reason: this.reason.trim() });
  }

  /** Called by the page once the dismissal is stored. */
  done(): void {
    this.asking.set(null);
  }
}
