import { ReviewGrade } from '@pm/domain';

export const REVIEW_TEXT = {
  title: '审核',
  grade: '审核结果',
  gradeHint: '审核通过：优或良；退回：中或差',
  ratings: '评审维度（可选）',
  comment: '审核意见',
  commentPlaceholder: '审核意见（退回时必填）',
  noteRow: '对哪一条指标',
  noteText: '对该行的意见',
  addNote: '添加行意见',
  approve: '审核通过',
  finalApprove: '批复',
  giveBack: '退回',
  approveNeedsGrade: '审核通过须评为“优”或“良”',
  returnNeedsGrade: '退回须评为“中”或“差”',
  returnNeedsComment: '退回须填写审核意见，说明需修改之处',
} as const;

export const APPROVE_GRADES: readonly ReviewGrade[] = ['优', '良'];
export const RETURN_GRADES: readonly ReviewGrade[] = ['中', '差'];
