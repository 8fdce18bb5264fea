import { SHEET_STATUS_LABELS, SheetStatus } from '@pm/domain';

export const PROJECT_TEXT = {
  title: '项目',
  create: '新建项目',
  search: '项目名称或编码',
  allYears: '全部年度',
  allUnits: '全部单位',
  columns: {
    code: '项目编码',
    name: '项目名称',
    unit: '预算单位',
    category: '项目分类',
    level: '级次',
    year: '年度',
    total: '年度预算总额（元）',
    appropriation: '当年财政拨款（元）',
  },
  empty: '暂无项目',
  totalOf: (n: number) => `共 ${n} 个项目`,
  funds: {
    total: '年度预算总额',
    currentYearAppropriation: '当年财政拨款',
    carryOver: '上年结转资金',
    other: '其他资金',
  },
  created: '项目已创建',
} as const;

/** A project's target sheet as the lists say it: 未填报, its state, （调整） while an adjustment is open. */
export function sheetStateLabel(status: SheetStatus, version: number, adjusting: boolean): string {
  if (version === 0) return '未填报';
  return adjusting ? `${SHEET_STATUS_LABELS[status]}（调整）` : SHEET_STATUS_LABELS[status];
}
