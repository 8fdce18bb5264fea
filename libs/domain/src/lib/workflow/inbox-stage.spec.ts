import { chinaDate, inboxStage, isOverdue } from './inbox-stage';

describe('the stage of a 待办 item', () => {
  it.each([
    [null, false, undefined, 'to_fill'],
    ['draft', false, undefined, 'to_fill'],
    ['draft', true, undefined, 'returned'],
    ['returned', false, undefined, 'returned'],
    ['submitted', false, undefined, 'to_review'],
    ['department_approved', false, undefined, 'to_approve'],
    ['submitted', false, 'submitted', 'to_approve'],
  ])('status %s, returned %s, final state %s is %s', (status, returned, finalState, stage) => {
    expect(inboxStage(status, returned, finalState)).toBe(stage);
  });
});

describe('deadlines', () => {
  it('reads today in China: 16:00 UTC is already the next day there', () => {
    expect(chinaDate(new Date('2026-03-31T15:59:59Z'))).toBe('2026-03-31');
    expect(chinaDate(new Date('2026-03-31T16:00:00Z'))).toBe('2026-04-01');
  });
  it('is overdue from the day after the deadline, and never without one', () => {
    expect(isOverdue('2026-03-31', '2026-03-31')).toBe(false);
    expect(isOverdue('2026-03-31', '2026-04-01')).toBe(true);
    expect(isOverdue(null, '2030-01-01')).toBe(false);
  });
});
