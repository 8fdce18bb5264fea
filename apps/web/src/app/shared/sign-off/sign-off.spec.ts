import { DocumentVersionDto } from '@pm/api-contract';
import { signOffOf } from './sign-off';

const v = (number: number, action: string, statusAfter: string, at: string, comment: string | null = null, actor = '政府办项目负责人'): DocumentVersionDto => ({
  number,
  action,
  statusAfter,
  actor: { id: `u${number}`, displayName: actor, role: 'x' },
  at,
  comment,
  reviewGrade: null,
  ratings: null,
  rowComments: null,
});

const submitted = v(1, 'submit', 'submitted', '2026-03-01T02:00:00Z');
const departmentApproved = v(2, 'approve', 'department_approved', '2026-03-04T17:30:00Z', '同意上报。', '政府办财务审核');
const financeApproved = v(3, 'approve', 'approved', '2026-03-10T01:00:00Z', '同意。', '财政局预算绩效科');

describe('the sign-off block of a printed form', () => {
  it('leaves everything blank on a draft', () => {
    expect(signOffOf([], 'draft')).toEqual({ filler: null, fillDate: null, department: null, finance: null });
  });

  it('names who submitted it and when, in China’s date, while the opinions wait', () => {
    expect(signOffOf([submitted], 'submitted')).toEqual({ filler: '政府办项目负责人', fillDate: '2026年3月1日', department: null, finance: null });
  });

  it('fills the 主管部门 box once the department has approved, dated in China’s time (17:30 UTC is the next day there)', () => {
    expect(signOffOf([submitted, departmentApproved], 'department_approved').department).toEqual({ comment: '同意上报。', date: '2026年3月5日' });
  });

  it('fills both boxes of an approved sheet', () => {
    const filled = signOffOf([submitted, departmentApproved, financeApproved], 'approved');
    expect(filled.department?.comment).toBe('同意上报。');
    expect(filled.finance).toEqual({ comment: '同意。', date: '2026年3月10日' });
  });

  it('takes the latest approval after a return and a second round', () => {
    const history = [submitted, departmentApproved, v(3, 'return', 'draft', '2026-03-06T01:00:00Z', '请补充成本指标。'), v(4, 'submit', 'submitted', '2026-03-07T01:00:00Z'), v(5, 'approve', 'department_approved', '2026-03-08T01:00:00Z', '已补充，同意。')];
    expect(signOffOf(history, 'department_approved').department?.comment).toBe('已补充，同意。');
    expect(signOffOf(history, 'department_approved').fillDate).toBe('2026年3月7日');
  });

  it('prints no opinion on an adjustment draft: the approvals are of the version it replaces', () => {
    expect(signOffOf([submitted, departmentApproved, financeApproved, v(4, 'adjust', 'draft', '2026-07-01T01:00:00Z')], 'draft')).toEqual({ filler: null, fillDate: null, department: null, finance: null });
  });

  it('fills only the 财政部门 box of a department’s overall target, which finance approves directly', () => {
    const filled = signOffOf([v(1, 'submit', 'submitted', '2026-03-01T02:00:00Z'), v(2, 'approve', 'approved', '2026-03-02T02:00:00Z', '同意')], 'approved');
    expect(filled.department).toBeNull();
    expect(filled.finance?.comment).toBe('同意');
  });
});
