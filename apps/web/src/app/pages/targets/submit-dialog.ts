import { ChangeDetectionStrategy, Component, computed, input, model, output } from '@angular/core';
import { SheetCheck } from '@pm/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { SUBMIT_TEXT } from './submit.text';

/** 提交审核 asks first: it lists what blocks the submission, or what is only a reminder and who reviews next. */
@Component({
  selector: 'pm-submit-dialog',
  imports: [NzButtonModule, NzModalModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../../shared/sheet.css',
  template: `
    <nz-modal [nzVisible]="open()" [nzTitle]="blocking().length ? text.blockedTitle(blocking().length) : text.title" (nzOnCancel)="open.set(false)" [nzFooter]="footer" nzWidth="640px">
      <ng-container *nzModalContent>
        <div data-test="submit-dialog">
          @if (blocking().length) {
            <p>{{ text.blockedHint }}</p>
            <ul class="check-list">
              @for (c of blocking(); track $index) { <li class="cell-check blocking" data-test="submit-blocking">{{ c.message }}</li> }
            </ul>
          } @else {
            <p>{{ text.confirmHint }}</p>
            @if (reminders().length) {
              <p>{{ text.reminders(reminders().length) }}</p>
              <ul class="check-list">
                @for (c of reminders(); track $index) { <li class="cell-check warning" data-test="submit-reminder">{{ c.message }}</li> }
              </ul>
            }
          }
        </div>
      </ng-container>
      <ng-template #footer>
        @if (blocking().length) {
          <button nz-button nzType="primary" (click)="open.set(false)" data-test="submit-close">{{ text.close }}</button>
        } @else {
          <button nz-button (click)="open.set(false)">{{ text.cancel }}</button>
          <button nz-button nzType="primary" nzDanger [nzLoading]="busy()" (click)="confirmed.emit()" data-test="submit-confirm">{{ text.confirm }}</button>
        }
      </ng-template>
    </nz-modal>
  `,
})
export class SubmitDialog {
  readonly open = model(false);
  readonly checks = input.required<readonly SheetCheck[]>();
  readonly busy = input(false);
  readonly confirmed = output<void>();

  protected readonly text = SUBMIT_TEXT;
  protected readonly blocking = computed(() => this.checks().filter((c) => c.severity === 'blocking'));
  protected readonly reminders = computed(() => this.checks().filter((c) => c.severity !== 'blocking'));
}
