import { HttpErrorResponse } from '@angular/common/http';
import { ApiErrorBody } from '@pm/api-contract';
import { fromServer, problemsByField } from '../settings/profile-form';

/** An admin form's server answer: the problems by field, and the sentence of a refusal no field is tied to. */
export interface FormErrors {
  fields: Record<string, string[]>;
  general: string | null;
}

export const NO_ERRORS: FormErrors = { fields: {}, general: null };

/**
 * The same mapping the settings form uses (`errors: [{ field, message }]` by field). A refusal
 * tied to none of the form's `shown` fields (a 409, a 403) is said above the form.
 */
export function formErrorsOf(error: unknown, message: string, shown: readonly string[]): FormErrors {
  const body = error instanceof HttpErrorResponse ? (error.error as Partial<ApiErrorBody> | null) : null;
  const fields = problemsByField(fromServer(body?.errors, null));
  return { fields, general: shown.some((f) => fields[f]) ? null : message };
}

/** For `[nzValidateStatus]` and `[nzErrorTip]` of a form control. */
export function statusOf(errors: FormErrors, field: string): 'error' | '' {
  return errors.fields[field]?.length ? 'error' : '';
}

export function tipOf(errors: FormErrors, field: string): string {
  return (errors.fields[field] ?? []).join('；');
}

/** A field's problems are gone once the clerk changes it (and the form's sentence with them). */
export function withoutField(errors: FormErrors, field: string): FormErrors {
  return { fields: Object.fromEntries(Object.entries(errors.fields).filter(([f]) => f !== field)), general: null };
}
