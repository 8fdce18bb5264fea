/**
 * The columns of a target table, found by their header text. Provinces name them differently;
 * every synonym below was seen in a published table or the national templates.
 */
export const TARGET_COLUMNS = {
  project: ['单位名称、项目名称', '单位名称项目名称', '项目名称'],
  code: ['项目编码', '项目代码'],
  goal: ['项目年度绩效目标', '项目总体目标', '年度总体目标', '年度绩效目标', '项目绩效目标', '总体目标', '年度目标'],
  level1: ['一级指标'],
  level2: ['二级指标'],
  name: ['三级指标', '指标名称'],
  comparator: ['指标性质', '计算符号'],
  value: ['指标值', '目标值', '年度指标值', '指标值（目标值）', '计划指标值', '计划水平'],
  unit: ['度量单位', '计量单位'],
  kind: ['指标属性', '指标值类型'],
  content: ['指标内容', '指标解释', '指标说明'],
  basis: ['指标值设置依据', '指标值设定依据', '指标设定依据', '指标设置依据'],
  lastYearActual: ['上年完成值', '上年实际完成值', '上年实际值'],
  weight: ['指标分值权重', '分值', '权重', '指标权重'],
  scoringRule: ['指标赋分规则', '评（扣）分标准', '评扣分标准', '赋分规则', '评分标准'],
  evidence: ['佐证资料', '佐证材料'],
  budgetUnit: ['单位名称', '预算单位名称', '单位名称及编码'],
  funds: ['资金总额', '项目金额', '年度预算', '预算金额', '项目资金', '年度预算数', '预算数', '项目总金额', '项目预算', '年度资金总额'],
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
  budgetUnit: '单位名称',
  funds: '资金总额',
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
 * Header cells that name a column a target table may have but the import does not keep (序号,
 * 主管部门, the money split under 项目金额 …): they are header words, so a header row made of them
 * is still a header, and their columns' cells are not strays.
 */
const OTHER_HEADERS = new Set(
  [
    '序号', '编号', '主管部门', '实施单位', '预算单位', '项目单位', '项目类别', '项目类型', '项目属性', '实施期限', '资金来源', '其中', '小计', '备注',
    '财政拨款', '当年财政拨款', '上年结转', '其他资金', '政府预算资金', '财政专户管理资金', '单位资金', '一般公共预算', '一般公共预算资金',
    '政府性基金预算', '国有资本经营预算', '财政资金', '自有资金', '绩效目标', '绩效指标', '项目基本情况', '中期目标', '年度目标',
  ].map(compact),
);
const MONEY_HEADER = /（(万元|元)）$/;

/** Whether a cell is a header word: it names a column, is a group label (…指标), or a known header the import leaves out. */
export function isHeaderWord(cell: string): boolean {
  if (!cell) return true;
  const text = compact(cell);
  return columnOf(cell) !== null || isGroupLabel(cell) || OTHER_HEADERS.has(text) || OTHER_HEADERS.has(text.replace(/（.*）$/, '')) || MONEY_HEADER.test(text);
}

/** A header of one to three rows, read by what its cells say. */
export interface TableHeader {
  /** The first column of each kind the import keeps. */
  columns: Map<TargetColumn, number>;
  /** Each column's whole header path, top to bottom (`项目金额（万元） › 资金总额`); '' under no header. */
  paths: string[];
  /** 资金总额 in 万元 (× 10,000 to yuan), 元 (× 1), or a unit the header does not say (null). */
  fundsScale: 10000 | 1 | null;
}

/**
 * The paths of a header's columns: a group cell (项目金额（万元）, 绩效目标) spans the columns to its
 * right up to the next cell of its row, over the sub-headers the row below has there — the way a
 * merged cell reads once it is text.
 */
export function headerPaths(rows: readonly (readonly string[])[]): string[][] {
  const width = Math.max(0, ...rows.map((r) => r.length));
  const paths: string[][] = Array.from({ length: width }, () => []);
  const under = (r: number, c: number) => rows.slice(r + 1).some((row) => !!row[c]);
  rows.forEach((row, r) => {
    let group = '';
    for (let c = 0; c < width; c++) {
      const cell = row[c] ?? '';
      if (cell) {
        paths[c].push(cell);
        group = under(r, c) ? cell : '';
      } else if (group && under(r, c)) {
        paths[c].push(group);
      } else group = '';
    }
  });
  return paths;
}

/**
 * The header made of these rows (one to three: group rows over the column names, sub-headers below
 * them), or null when they are not the header of a target table. Each column means what the
 * lowest cell of its path says.
 */
export function headerOf(rows: readonly (readonly string[])[]): TableHeader | null {
  if (rows.some((row) => row.some((cell) => RESULT_COLUMNS.has(compact(cell ?? ''))))) return null;
  // rows joined into one header hold only header words, no values
  if (rows.length > 1 && !rows.every((row) => row.every((cell) => isHeaderWord(cell ?? '')))) return null;
  const columns = new Map<TargetColumn, number>();
  const paths = headerPaths(rows);
  const annual = new Set<TargetColumn>();
  // two indicator sets side by side with no 年度 / 中期 said (广东's 批复表): the year's is the right-hand one, as in every layout seen
  const twice = (column: TargetColumn) => paths.filter((p) => columnOf(p.at(-1) ?? '') === column).length > 1;
  const lastWins = twice('name') && twice('value') && !paths.some((p) => /年度|长期|中期/.test(p.join('')) && ['name', 'value'].includes(columnOf(p.at(-1) ?? '') ?? ''));
  paths.forEach((path, index) => {
    const column = columnOf(path.at(-1) ?? '');
    const said = path.join('');
    // a form with long-term and annual indicator sets side by side: the year's targets are the 年度 columns
    if (!column || /长期|中期/.test(said)) return;
    if (/年度/.test(said) && !annual.has(column)) {
      annual.add(column);
      columns.set(column, index);
    } else if (!columns.has(column) || (lastWins && ['level2', 'name', 'comparator', 'value', 'unit'].includes(column))) columns.set(column, index);
  });
  const isTargetTable = columns.has('level1') && columns.has('name') && columns.has('value') && columns.size >= 4;
  if (!isTargetTable) return null;
  const funds = columns.get('funds');
  const fundsPath = funds === undefined ? '' : paths[funds].join('');
  const fundsScale = /万元/.test(fundsPath) ? 10000 : /元/.test(fundsPath) ? 1 : null;
  return { columns, paths: paths.map((p) => p.join(' › ')), fundsScale };
}
