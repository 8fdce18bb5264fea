export const GRID_TEXT = {
  level1: '一级指标',
  level2: '二级指标',
  category: '所属一级 / 二级指标',
  addInGroup: '在此二级指标下添加一行',
  up: '上移',
  down: '下移',
  remove: '删除',
  reviewerNote: '审核意见',
} as const;
