export const SHEET_TEXT = {
  title: '项目支出绩效目标表',
  columns: ['一级指标', '二级指标', '三级指标', '指标性质', '指标值', '度量单位', '指标属性', '分值', '指标内容'],
  edit: '编辑',
  save: '保存',
  submit: '提交审核',
  approve: '审核通过',
  giveBack: '退回',
  adjust: '发起调整',
  addRow: '添加指标',
  paste: '从 Excel 粘贴',
  pasteHint: '在 Excel 中选中若干行（列顺序：一级指标、二级指标、三级指标、指标性质、指标值、度量单位、指标属性、分值、指标内容），复制后粘贴到下框。指标值可写成“≥95%”，会自动拆分。',
  history: '历史版本',
  total: '合计',
  saved: '已保存',
  stale: '绩效目标已被他人修改，请刷新后再编辑',
  noRows: '还没有指标。可以逐行添加，或从 Excel 粘贴。',
  returnComment: '退回意见',
  sinceReturn: '退回意见与退回后的修改',
  grade: '审核结果',
  ratings: '评审维度',
} as const;

export const CHANGE_LABELS = { added: '新增', removed: '删除', changed: '修改' } as const;

export const FIELD_LABELS: Record<string, string> = {
  comparator: '指标性质',
  value: '指标值',
  unit: '度量单位',
  kind: '指标属性',
  weight: '分值',
  lastYearActual: '上年完成值',
  content: '指标内容',
  basis: '设定依据',
  scoringRule: '赋分规则',
  evidence: '佐证资料',
};
