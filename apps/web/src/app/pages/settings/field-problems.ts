import { ChangeDetectionStrategy, Component, computed, input } from '@angular/core';

/** The problems of one or more fields of the profile form, under the field. */
@Component({
  selector: 'pm-field-problems',
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.problem { color: #cf1322; font-size: 12px; line-height: 1.4; margin-top: 2px; }`,
  template: `
    @for (p of shown(); track p.field + p.message) {
      <div class="problem" data-test="field-problem" [attr.data-field]="p.field">✖ {{ p.message }}</div>
    }
  `,
})
export class FieldProblems {
  readonly errors = input.required<Record<string, string[]>>();
  /** A field path (`gradeBands.优`) or several. */
  readonly field = input.required<string | string[]>();
  protected readonly shown = computed(() => {
    const fields = ([] as string[]).concat(this.field());
    return fields.flatMap((field) => (this.errors()[field] ?? []).map((message) => ({ field, message })));
  });
}
