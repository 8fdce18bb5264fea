import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DocumentVersionDto } from '@pm/api-contract';
import { signOffOf } from './sign-off';
import { SIGN_OFF_TEXT } from './sign-off.text';

/**
 * 单位负责人 / 填报人 / 联系电话 / 填报日期 and the 主管部门 and 财政部门 opinion boxes, printed under a
 * target sheet or a department's overall target; filled from the history where it holds the answer.
 * Only in print: on screen the history panel says the same.
 */
@Component({
  selector: 'pm-sign-off-block',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { class: 'print-only sign-off', 'data-test': 'sign-off' },
  template: `
    <div class="signatures">
      <span>{{ text.head }}：<span class="blank"></span></span>
      <span>{{ text.filler }}：<span class="blank" data-test="sign-off-filler">{{ signOff().filler }}</span></span>
      <span>{{ text.phone }}：<span class="blank"></span></span>
      <span>{{ text.date }}：<span class="blank" data-test="sign-off-date">{{ signOff().fillDate }}</span></span>
    </div>
    <table class="opinions">
      <tr>
        @for (box of boxes(); track box.label) {
          <td [attr.data-test]="box.test">
            <div class="label">{{ box.label }}{{ text.seal }}</div>
            <div class="comment">{{ box.opinion?.comment }}</div>
            <div class="dated">{{ box.opinion?.date ?? text.blankDate }}</div>
          </td>
        }
      </tr>
    </table>
  `,
  styles: `
    :host { margin-top: 10px; font-size: 12px; color: #000; break-inside: avoid; }
    .signatures { display: flex; gap: 28px; margin: 10px 0; }
    .blank { display: inline-block; min-width: 110px; border-bottom: 1px solid #000; padding: 0 4px; }
    .opinions { width: 100%; border-collapse: collapse; table-layout: fixed; }
    .opinions td { border: 1px solid #000; padding: 6px 8px; height: 34mm; vertical-align: top; position: relative; }
    .label { font-weight: 600; }
    .comment { margin-top: 6px; white-space: pre-wrap; }
    .dated { position: absolute; right: 16px; bottom: 8px; }
  `,
})
export class SignOffBlock {
  /** The document's history (oldest first) and its state now. */
  readonly versions = input.required<readonly DocumentVersionDto[]>();
  readonly status = input.required<string>();
  protected readonly text = SIGN_OFF_TEXT;

  protected readonly signOff = computed(() => signOffOf(this.versions(), this.status()));
  protected readonly boxes = computed(() => [
    { label: SIGN_OFF_TEXT.department, test: 'sign-off-department', opinion: this.signOff().department },
    { label: SIGN_OFF_TEXT.finance, test: 'sign-off-finance', opinion: this.signOff().finance },
  ]);
}
