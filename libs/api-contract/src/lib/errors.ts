/** SPEC §11 error body. */
export interface FieldError {
  row?: number;
  field?: string;
  message: string;
}

export interface ApiErrorBody {
  message: string;
  errors: FieldError[];
}
