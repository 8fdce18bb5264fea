/** Where a 待办 item stands for the user it waits for, in the four words a clerk's list uses. */
export type InboxStage = 'to_fill' | 'returned' | 'to_review' | 'to_approve';

export const INBOX_STAGES: readonly InboxStage[] = ['to_fill', 'returned', 'to_review', 'to_approve'];

export const INBOX_STAGE_LABELS: Record<InboxStage, string> = {
  to_fill: '待填报',
  returned: '被退回',
  to_review: '待审核',
  to_approve: '待批复',
};

/**
 * The stage of a document in `status`: a draft is 待填报 (被退回 when a reviewer sent it back), a state
 * awaiting the last approval (`finalState`, finance's 批复) is 待批复, any other awaiting state 待审核.
 */
export function inboxStage(status: string | null, returned: boolean, finalState = 'department_approved'): InboxStage {
  if (status === null || status === 'draft') return returned ? 'returned' : 'to_fill';
  if (status === 'returned') return 'returned';
  return status === finalState ? 'to_approve' : 'to_review';
}

/** Today's date where the deadlines are set (China Standard Time, UTC+8, no daylight saving), as `YYYY-MM-DD`. */
export function chinaDate(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** A deadline (`YYYY-MM-DD`, the last day allowed) is missed from the day after it. */
export function isOverdue(deadline: string | null, today: string): boolean {
  return deadline !== null && deadline < today;
}
