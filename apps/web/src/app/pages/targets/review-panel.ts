import { ChangeDetectionStrategy, Component, computed, input, model, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { SheetTransitionRequest, TargetIndicatorDto } from '@pm/api-contract';
import { REVIEW_GRADES, REVIEW_RATINGS, ReviewGrade } from '@pm/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzRadioModule } from 'ng-zorro-antd/radio';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { APPROVE_GRADES, RETURN_GRADES, REVIEW_TEXT } from './review.text';

export interface RowNote {
  indicatorId: string;
  message: string;
}

export interface ReviewDecision {
  action: 'approve' | 'return';
  body: SheetTransitionRequest;
}

/**
 * The reviewer's decision on a target sheet: a 审核结果 is required (优/良 to approve, 中/差 to
 * return, with a comment), the four ratings are optional; each refusal is said at its field.
 */
@Component({
  selector: 'pm-review-panel',
  imports: [FormsModule, NzButtonModule, NzCardModule, NzInputModule, NzRadioModule, NzSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../../shared/sheet.css',
  template: `
    <nz-card nzSize="small" [nzTitle]="text.title" class="panel no-print" data-test="review-panel">
      <div class="review-field">
        <span class="label" id="review-grade-label">{{ text.grade }}<span class="content"> {{ text.gradeHint }}</span></span>
        <nz-radio-group [ngModel]="grade()" (ngModelChange)="setGrade($event)" aria-labelledby="review-grade-label" data-test="review-grade">
          @for (g of grades; track g) { <span nz-radio-button [nzValue]="g" [attr.data-grade]="g">{{ g }}</span> }
        </nz-radio-group>
        @if (gradeError(); as e) { <div class="cell-check blocking" data-test="review-grade-error">{{ e }}</div> }
      </div>
      <div class="review-field">
        <span class="label">{{ text.ratings }}</span>
        <div class="review-grid">
          @for (r of ratingNames; track r) {
            <nz-select [ngModel]="ratings()[r]" (ngModelChange)="setRating(r, $event)" [nzPlaceHolder]="r" nzAllowClear [attr.data-test]="'rating-' + r">
              @for (g of grades; track g) { <nz-option [nzValue]="g" [nzLabel]="r + '：' + g" /> }
            </nz-select>
          }
        </div>
      </div>
      <div class="review-field">
        <label class="label" for="review-comment">{{ text.comment }}</label>
        <textarea id="review-comment" nz-input rows="3" [ngModel]="comment()" (ngModelChange)="setComment($event)" [placeholder]="text.commentPlaceholder" data-test="review-comment"></textarea>
        @if (commentError(); as e) { <div class="cell-check blocking" data-test="review-comment-error">{{ e }}</div> }
      </div>
      <div class="bar">
        <nz-select [(ngModel)]="noteIndicator" [nzPlaceHolder]="text.noteRow" style="width: 260px" data-test="note-row">
          @for (r of rows(); track $index) {
            @if (r.id) { <nz-option [nzValue]="r.id" [nzLabel]="'第 ' + ($index + 1) + ' 行 ' + r.name" /> }
          }
        </nz-select>
        <input nz-input [(ngModel)]="noteText" [placeholder]="text.noteText" [attr.aria-label]="text.noteText" style="width: 360px" data-test="note-text" />
        <button nz-button (click)="addNote()" data-test="add-note">{{ text.addNote }}</button>
      </div>
      @for (n of notes(); track $index) { <div class="cell-check note">{{ n.message }}</div> }
      <div class="bar" style="margin-top: 8px">
        <button nz-button nzType="primary" [nzLoading]="busy()" (click)="approve()" data-test="approve">{{ final() ? text.finalApprove : text.approve }}</button>
        <button nz-button nzDanger [nzLoading]="busy()" (click)="giveBack()" data-test="return">{{ text.giveBack }}</button>
      </div>
    </nz-card>
  `,
})
export class ReviewPanel {
  readonly rows = input.required<readonly TargetIndicatorDto[]>();
  /** Finance's decision on a department-approved sheet: the button says 批复. */
  readonly final = input(false);
  readonly busy = input(false);
  /** Comments anchored to indicators, shown by the page at their rows too. */
  readonly notes = model<RowNote[]>([]);
  readonly decided = output<ReviewDecision>();

  protected readonly text = REVIEW_TEXT;
  protected readonly grades = REVIEW_GRADES;
  protected readonly ratingNames = REVIEW_RATINGS;
  protected readonly grade = signal<ReviewGrade | null>(null);
  protected readonly ratings = signal<Record<string, ReviewGrade>>({});
  protected readonly comment = signal('');
  protected readonly gradeError = signal<string | null>(null);
  protected readonly commentError = signal<string | null>(null);
  protected noteIndicator: string | null = null;
  protected noteText = '';
  private readonly request = computed<SheetTransitionRequest>(() => ({
    comment: this.comment().trim() || undefined,
    reviewGrade: this.grade() ?? undefined,
    ratings: Object.keys(this.ratings()).length ? this.ratings() : undefined,
    rowComments: this.notes().length ? this.notes() : undefined,
  }));

  protected setGrade(grade: ReviewGrade | null): void {
    this.grade.set(grade);
    this.gradeError.set(null);
  }

  protected setRating(name: string, grade: ReviewGrade | null): void {
    const next = { ...this.ratings() };
    if (grade) next[name] = grade;
    else delete next[name];
    this.ratings.set(next);
  }

  protected setComment(comment: string): void {
    this.comment.set(comment);
    this.commentError.set(null);
  }

  protected addNote(): void {
    const message = this.noteText.trim();
    if (!this.noteIndicator || !message) return;
    this.notes.update((notes) => [...notes, { indicatorId: this.noteIndicator as string, message }]);
    this.noteText = '';
  }

  protected approve(): void {
    const grade = this.grade();
    this.commentError.set(null);
    this.gradeError.set(grade && APPROVE_GRADES.includes(grade) ? null : REVIEW_TEXT.approveNeedsGrade);
    if (!this.gradeError()) this.decided.emit({ action: 'approve', body: this.request() });
  }

  protected giveBack(): void {
    const grade = this.grade();
    this.gradeError.set(grade && RETURN_GRADES.includes(grade) ? null : REVIEW_TEXT.returnNeedsGrade);
    this.commentError.set(this.comment().trim() ? null : REVIEW_TEXT.returnNeedsComment);
    if (!this.gradeError() && !this.commentError()) this.decided.emit({ action: 'return', body: this.request() });
  }

  /** After the decision landed: a clean panel for the next one. */
  reset(): void {
    this.grade.set(null);
    this.ratings.set({});
    this.comment.set('');
    this.notes.set([]);
  }
}
