/** How a column's cell is edited; a column without an editor is read-only or drawn by the page's own template. */
export type GridEditor = 'text' | 'long' | 'comparator' | 'value' | 'kind' | 'weight' | 'decimal';

export interface GridColumn {
  /** A field of the indicator row, or a page's own key for a cell it draws itself (`pmGridCell`). */
  key: string;
  label: string;
  editor?: GridEditor;
  /** Right-aligned figures. */
  numeric?: boolean;
  /** Greyer, smaller text for long explanations. */
  secondary?: boolean;
  /** A narrower (or wider) cell than the sheet's default for this key, e.g. `110px`. */
  minWidth?: string;
}

/** The columns of the 项目支出绩效目标表 after 一级 / 二级 (which the grid always draws, spanning their rows). */
export const TARGET_COLUMNS: readonly GridColumn[] = [
  { key: 'name', label: '三级指标', editor: 'text' },
  { key: 'comparator', label: '指标性质', editor: 'comparator' },
  { key: 'value', label: '指标值', editor: 'value', numeric: true },
  { key: 'unit', label: '度量单位', editor: 'text' },
  { key: 'kind', label: '指标属性', editor: 'kind' },
  { key: 'weight', label: '分值', editor: 'weight', numeric: true },
  { key: 'content', label: '指标内容', editor: 'long', secondary: true },
];

/** Every column of the contract: the compact set plus 上年完成值, 设定依据, 赋分规则, 佐证资料. */
export const TARGET_COLUMNS_FULL: readonly GridColumn[] = [
  ...TARGET_COLUMNS.slice(0, 6),
  { key: 'lastYearActual', label: '上年完成值', editor: 'decimal', numeric: true },
  ...TARGET_COLUMNS.slice(6),
  { key: 'basis', label: '指标值设定依据', editor: 'long', secondary: true },
  { key: 'scoringRule', label: '赋分规则', editor: 'long', secondary: true },
  { key: 'evidence', label: '佐证资料', editor: 'long', secondary: true },
];

/** The 部门整体绩效目标表 has no weights. */
export const DEPARTMENT_COLUMNS: readonly GridColumn[] = TARGET_COLUMNS.filter((c) => c.key !== 'weight');

/** The 执行监控表: the approved definition, then what the lead reports (the page draws those cells). */
export const MONITORING_COLUMNS: readonly GridColumn[] = [
  { key: 'name', label: '三级指标' },
  { key: 'target', label: '年度指标值', numeric: true },
  { key: 'current', label: '截至当前完成值' },
  { key: 'forecast', label: '全年预计完成值' },
  { key: 'likelihood', label: '完成目标可能性' },
  { key: 'warning', label: '预警' },
  { key: 'reasons', label: '偏差原因' },
  { key: 'reasonNote', label: '偏差原因说明' },
  { key: 'measures', label: '纠偏措施' },
  { key: 'evidence', label: '佐证资料' },
];

/** The 项目支出绩效自评表: the approved definition, then what the lead reports and what it scores (the page draws those cells). */
export const SELF_EVALUATION_COLUMNS: readonly GridColumn[] = [
  { key: 'name', label: '三级指标', minWidth: '150px' },
  { key: 'target', label: '指标值', numeric: true },
  { key: 'weight', label: '分值', numeric: true },
  { key: 'forecast', label: '监控预计值', numeric: true },
  { key: 'actual', label: '实际完成值' },
  { key: 'applicable', label: '不适用' },
  { key: 'score', label: '得分' },
  { key: 'deviationNote', label: '偏差原因分析及改进措施' },
  { key: 'evidence', label: '佐证资料', minWidth: '110px' },
];
