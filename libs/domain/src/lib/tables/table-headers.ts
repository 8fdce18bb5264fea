/**
 * The columns of a target table, found by their header text. Provinces name them differently;
 * every synonym below was seen in a published table or the national templates.
 */
export const TARGET_COLUMNS = {
  project: ['单位名称、项目名称', '单位名称项目名称', '项目名称'],
  code: ['项目编码', '项目代码'],
  goal: ['项目年度绩效目标', '项目总体目标', '年度总体目标', '年度绩效目标', '项目绩效目标', '总体目标'],
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标', '指标名称'],
  comparator: ['指标性质', '计算符号'],
  value: ['指标值', '目标值', '年度指标值', '指标值（目标值）'],
  unit: ['度量单位', '计量单位'],
  kind: ['指标属性', '指标值类型'],
  content: ['指标内容', '指标解释', '指标说明'],
  basis: ['指标值设置依据', '指标值设定依据', '指标设定依据', '指标设置依据'],
  lastYearActual: ['上年完成值', '上年实际完成值', '上年实际值'],
  weight: ['指标分值权重', '分值', '权重', '指标权重'],
  scoringRule: ['指标赋分规则', '评（扣）分标准', '评扣分标准', '赋分规则', '评分标准'],
  evidence: ['佐证资料', '佐证材料'],
} as const;

export type TargetColumn = keyof typeof TARGET_COLUMNS;

export const COLUMN_LABELS: Record<TargetColumn, string> = {
  project: '项目名称',
  code: '项目编码',
  goal: '项目年度绩效目标',
  level1: '一级指标',
  level2: '二级指标',
  name: '三级指标',
  comparator: '指标性质',
  value: '指标值',
  unit: '度量单位',
  kind: '指标属性',
  content: '指标内容',
  basis: '指标值设置依据',
  lastYearActual: '上年完成值',
  weight: '分值',
  scoringRule: '指标赋分规则',
  evidence: '佐证资料',
};

// every cell of a table passes here while its header is looked for: most need no change, and are not copied
const compact = (text: string) => (/[\s\u3000()]/.test(text) ? text.replace(/[\s\u3000]/g, '').replace(/\(/g, '（').replace(/\)/g, '）') : text);

const LOOKUP = new Map<string, TargetColumn>(
  (Object.entries(TARGET_COLUMNS) as [TargetColumn, readonly string[]][]).flatMap(([column, names]) => names.map((n) => [compact(n), column] as const)),
);

/** The column a header cell names, or null. `指 标 值` and `指标值（目标值）` are recognised. */
export function columnOf(header: string): TargetColumn | null {
  const text = compact(header);
  return LOOKUP.get(text) ?? (text.endsWith('）') ? (LOOKUP.get(text.replace(/（.*）$/, '')) ?? null) : null);
}

/** Columns only a self-evaluation (绩效自评表) or a monitoring table (执行监控表) has: such a table reports results, it sets no targets. */
const RESULT_COLUMNS = new Set(['实际完成值', '全年实际值', '得分', '实际完成情况', '截至当前完成值', '全年预计完成值', '完成目标可能性'].map(compact));

const isGroupLabel = (cell: string) => /指标$/.test(compact(cell));

/** Whether a row can be (the first row of) a header: it names a column, or holds only header words and group labels. */
export function mayStartHeader(row: readonly string[]): boolean {
  return row.some((cell) => !!cell && columnOf(cell) !== null) || row.every((cell) => !cell || isGroupLabel(cell));
}

/**
 * The column map of a header row (one or two rows: a group header like 绩效指标 over 一级/二级/三级),
 * or null when the row is not the header of a target table.
 */
export function headerOf(rows: readonly (readonly string[])[]): Map<TargetColumn, number> | null {
  const map = new Map<TargetColumn, number>();
  if (rows.some((row) => row.some((cell) => RESULT_COLUMNS.has(compact(cell ?? ''))))) return null;
  // rows joined into one header hold only header words (a group label such as 绩效指标 included), no values
  const headerWords = (row: readonly string[]) => row.every((cell) => !cell || columnOf(cell) !== null || isGroupLabel(cell));
  if (rows.length > 1 && !rows.every(headerWords)) return null;
  for (const row of rows) {
    row.forEach((cell, index) => {
      const column = columnOf(cell ?? '');
      if (column && !map.has(column)) map.set(column, index);
    });
  }
  const isTargetTable = map.has('level1') && map.has('name') && map.has('value') && map.size >= 4;
  return isTargetTable ? map : null;
}
