import { InboxStage } from '@pm/domain';

export const INBOX_TEXT = {
  title: '我的待办',
  empty: '没有待办事项',
  columns: { stage: '事项', document: '项目 / 事项', unit: '预算单位 / 部门', year: '年度', status: '状态', since: '自', deadline: '截止日期' },
  overdue: '已逾期',
  selectRow: '选择此项',
  selectAll: '选择本页可审核的全部事项',
  batchButton: (n: number) => `批量审核通过（${n}）`,
  batchTitle: (n: number) => `批量审核通过 ${n} 项`,
  batchHint: '所选事项各自审核通过，各自留有版本和变更记录；不能通过的逐项说明原因。',
  grade: '审核结果（绩效目标表）',
  gradeHint: '审核通过须评为“优”或“良”',
  gradeRequired: '所选事项含绩效目标表，请选择审核结果',
  comment: '审核意见',
  commentPlaceholder: '同意。',
  confirm: '审核通过',
  cancel: '取消',
  done: (approved: number, refused: number) => (refused ? `已审核通过 ${approved} 项，${refused} 项未通过` : `已审核通过 ${approved} 项`),
  refusedTitle: '以下事项未能审核通过',
  documents: {
    monitoring: (cutoff: string) => `监控表（截至 ${cutoff}）`,
    budgetCut: '调减预算申请',
    selfEvaluation: '项目支出绩效自评表',
    departmentTarget: '部门整体绩效目标表',
    departmentSelfEvaluation: '部门整体支出绩效自评表',
  },
};

export const STAGE_COLOURS: Record<InboxStage, string> = { to_fill: 'blue', returned: 'red', to_review: 'orange', to_approve: 'purple' };
