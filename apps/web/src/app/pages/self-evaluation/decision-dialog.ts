import { ChangeDetectionStrategy, Component, effect, input, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { SELF_EVALUATION_TEXT } from './self-evaluation.text';

/** 审核通过 (a comment if the reviewer likes) or 退回 (the comment is required). */
@Component({
  selector: 'pm-decision-dialog',
  imports: [FormsModule, NzInputModule, NzModalModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-modal [nzVisible]="action() !== null" [nzTitle]="action() ? text.decision[action()!] : ''" (nzOnCancel)="closed.emit()" (nzOnOk)="confirm()" [nzOkLoading]="busy()"
      [nzOkDisabled]="action() === 'return' && !comment().trim()" [nzOkDanger]="action() === 'return'" [nzOkText]="action() ? text.decision[action()!] : ''">
      <ng-container *nzModalContent>
        <textarea nz-input rows="4" [ngModel]="comment()" (ngModelChange)="comment.set($event)" [placeholder]="action() === 'return' ? returnPlaceholder() : text.commentOptional" data-test="decision-comment"></textarea>
      </ng-container>
    </nz-modal>
  `,
})
export class DecisionDialog {
  readonly action = input<'approve' | 'return' | null>(null);
  readonly busy = input(false);
  /** Who reads a return's comment (the project lead, unless said otherwise). */
  readonly returnPlaceholder = input<string>(SELF_EVALUATION_TEXT.commentRequired);
  readonly confirmed = output<string>();
  readonly closed = output<void>();
  protected readonly text = SELF_EVALUATION_TEXT;
  protected readonly comment = signal('');

  constructor() {
    effect(() => {
      this.action();
      this.comment.set('');
    });
  }

  protected confirm(): void {
    if (this.action() === 'return' && !this.comment().trim()) return;
    this.confirmed.emit(this.comment().trim());
  }
}
