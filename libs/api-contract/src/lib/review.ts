import type { ChainAction, ReviewGrade } from '@pm/domain';

/** A reviewer's comment on one indicator; `row` (1-based, as shown) is accepted when the id is not at hand. */
export interface RowCommentRequest {
  indicatorId?: string;
  row?: number;
  message: string;
}

/** Body of every `submit` / `approve` / `return` / `adjust` of the review chain. */
export interface ReviewRequest {
  /** The version read; a stale one answers 409. */
  version?: number;
  comment?: string;
  /** 优 / 良 to approve, 中 / 差 to return (target sheets only). */
  reviewGrade?: ReviewGrade;
  ratings?: Record<string, ReviewGrade>;
  rowComments?: RowCommentRequest[];
}

/** A row comment as a returned document shows it: where its indicator is now and whether it was dealt with. */
export interface RowCommentDto {
  indicatorId: string | null;
  /** The indicator's row in the document as returned now; null when the indicator was removed. */
  row: number | null;
  message: string;
  /** The indicator was changed or removed since the return. */
  resolved: boolean;
}

/** One entry of a document's version history. */
export interface DocumentVersionDto {
  number: number;
  action: string;
  statusAfter: string;
  actor: { id: string; displayName: string; role: string };
  at: string;
  comment: string | null;
  reviewGrade: ReviewGrade | null;
  ratings: Record<string, string> | null;
  rowComments: { indicatorId: string | null; row?: number; message: string }[] | null;
}

/** What the review chain lets the signed-in user do with a document now (the screen's buttons). */
export interface ReviewState {
  actions: ChainAction[];
}
