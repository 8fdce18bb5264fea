import { booleanAttribute, ChangeDetectionStrategy, Component, input, output } from '@angular/core';
import { DocumentVersionDto } from '@pm/api-contract';
import { ChainAction, CHAIN_ACTION_LABELS, REVIEW_RATINGS } from '@pm/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzTimelineModule } from 'ng-zorro-antd/timeline';
import { REVIEW_HISTORY_TEXT } from './review-history.text';

/** What a version records, as the clerk says it: 提交, 退回, 审核通过, 批复, 发起调整. */
export function versionLabel(version: DocumentVersionDto): string {
  if (version.action === 'approve' && version.statusAfter === 'approved') return REVIEW_HISTORY_TEXT.finalApproval;
  return CHAIN_ACTION_LABELS[version.action as ChainAction] ?? version.action;
}

/** 完整性 优、相关性 良 …, in the order of the official form. */
export function ratingsText(version: DocumentVersionDto): string {
  const ratings = version.ratings ?? {};
  return REVIEW_RATINGS.filter((r) => ratings[r]).map((r) => `${r} ${ratings[r]}`).join('、');
}

/** A reviewed document's versions, oldest first: number, time, who, what, grade and comment. */
@Component({
  selector: 'pm-review-history',
  imports: [NzButtonModule, NzTimelineModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-timeline>
      @for (v of versions(); track v.number) {
        <nz-timeline-item [nzColor]="v.action === 'return' ? 'red' : v.statusAfter === 'approved' ? 'green' : 'blue'">
          <span data-test="history-item">{{ text.version(v.number) }} · {{ v.at.slice(0, 16).replace('T', ' ') }} · {{ v.actor.displayName }} · {{ label(v) }}
          @if (v.reviewGrade) { · <span data-test="history-grade">{{ text.grade }} {{ v.reviewGrade }}</span> }
          @if (ratings(v); as r) { · <span data-test="history-ratings">{{ r }}</span> }
          @if (v.comment) { · “{{ v.comment }}” }</span>
          @if (comparable() && v.number > 1) { <button nz-button nzType="link" nzSize="small" (click)="compare.emit(v)">{{ text.compare }}</button> }
        </nz-timeline-item>
      } @empty {
        <span class="empty">{{ text.empty }}</span>
      }
    </nz-timeline>
  `,
  styles: `
    .empty { color: #595959; font-size: 12px; }
  `,
})
export class ReviewHistory {
  readonly versions = input.required<readonly DocumentVersionDto[]>();
  /** Offers 与上一版比较 on every version after the first (the target sheet's row diff). */
  readonly comparable = input(false, { transform: booleanAttribute });
  readonly compare = output<DocumentVersionDto>();
  protected readonly text = REVIEW_HISTORY_TEXT;
  protected readonly label = versionLabel;
  protected readonly ratings = ratingsText;
}
