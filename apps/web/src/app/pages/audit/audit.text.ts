/** Every Chinese word of 变更记录 (the entries themselves come in words from the API). */
export const AUDIT_TEXT = {
  title: '变更记录',
  dates: ['开始日期', '结束日期'],
  actor: '操作人',
  object: '对象（项目、部门、单位名称）',
  action: '全部操作',
  reset: '清空筛选',
  export: '导出',
  exportHint: '按当前筛选导出，最多 50,000 条',
  empty: '没有符合条件的变更记录',
  totalOf: (n: number) => `共 ${n} 条`,
  columns: { at: '时间', actor: '操作人', object: '对象', action: '操作', field: '内容', old: '原值', new: '新值' },
  none: '—',
};
