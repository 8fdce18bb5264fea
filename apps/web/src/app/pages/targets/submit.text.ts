export const SUBMIT_TEXT = {
  title: '提交审核',
  blockedTitle: (n: number) => `还有 ${n} 处必须修改的问题，不能提交`,
  blockedHint: '请先修改以下问题（表中对应单元格已标红），再提交：',
  confirmHint: '提交后绩效目标表将送主管部门审核，审核期间不能修改。确认提交？',
  reminders: (n: number) => `另有 ${n} 处提醒，不影响提交：`,
  confirm: '确认提交',
  cancel: '取消',
  close: '知道了',
  saveRefused: (n: number) => `有 ${n} 处填写有误，未保存：`,
} as const;
