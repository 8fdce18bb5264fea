import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';
import { DocumentVersionDto } from '@pm/api-contract';
import { SIGN_OFF_TEXT } from './sign-off.text';

/** An approval as the form prints it: the comment and the date it was given. */
interface Opinion {
  comment: string;
  date: string;
}

/** The approving version of a level while that approval still stands (a later return or adjustment has undone it otherwise). */
function standingApproval(versions: readonly DocumentVersionDto[], statusAfter: string, standsIn: readonly string[], status: string): DocumentVersionDto | null {
  if (!standsIn.includes(status)) return null;
  return versions.findLast((v) => v.action === 'approve' && v.statusAfter === statusAfter) ?? null;
}

/** A date as the forms write it, in China's time: 2026年3月5日. */
function formDate(at: string): string {
  return new Date(at).toLocaleDateString('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' });
}

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
      <span>{{ text.filler }}：<span class="blank" data-test="sign-off-filler">{{ filler()?.actor?.displayName }}</span></span>
      <span>{{ text.phone }}：<span class="blank"></span></span>
      <span>{{ text.date }}：<span class="blank" data-test="sign-off-date">{{ fillDate() }}</span></span>
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

  /** The submission the printed document stands on; none for a draft. */
  protected readonly filler = computed(() => (this.status() === 'draft' ? null : (this.versions().findLast((v) => v.action === 'submit') ?? null)));
  protected readonly fillDate = computed(() => {
    const submitted = this.filler();
    return submitted ? formDate(submitted.at) : '';
  });
  protected readonly boxes = computed(() => {
    const opinion = (v: DocumentVersionDto | null): Opinion | null => (v ? { comment: v.comment ?? '', date: formDate(v.at) } : null);
    return [
      { label: SIGN_OFF_TEXT.department, test: 'sign-off-department', opinion: opinion(standingApproval(this.versions(), 'department_approved', ['department_approved', 'approved'], this.status())) },
      { label: SIGN_OFF_TEXT.finance, test: 'sign-off-finance', opinion: opinion(standingApproval(this.versions(), 'approved', ['approved'], this.status())) },
    ];
  });
}
