/** SPEC §11 error body. */
export interface FieldError {
  row?: number;
  field?: string;
  message: string;
}

export interface ApiErrorBody {
  message: string;
  errors: FieldError[];
  /** Only on a refused import: what the file held, with every repair and refusal. */
  preview?: unknown;
}
