import { Grade } from '@pm/domain';

/** Every Chinese word of the 自评结果汇总 page. */
export const RESULTS_TEXT = {
  title: (year: number) => `${year} 年度绩效自评结果汇总`,
  year: '年度',
  noRound: '本年度尚未开启绩效自评',
  round: (deadline: string, evaluations: number) => `填报截止 ${deadline} · 共 ${evaluations} 张自评表`,
  evaluations: '自评表',
  unfiled: '未填报',
  flagged: '有疑点',
  counts: (n: number) => `共 ${n} 张`,
  byDepartment: '各部门自评等级',
  distribution: '总分分布（张）',
  scatter: '预算执行率与总分',
  scatterHint: '一个点一个项目，点击打开其自评表；▲ 有疑点',
  unplotted: (n: number) => `另有 ${n} 个项目尚未填写执行数，未画出`,
  rate: '预算执行率（%）',
  total: '总分',
  projects: '个项目',
  list: '自评表',
  allGrades: '全部等级',
  onlyFlagged: '只看有疑点',
  listHint: '点击上图某部门的色块按部门和等级（或未填报）筛选，点击部门名称看该部门全部',
  clickToFilter: '点击筛选下方列表',
  department: (name: string) => `主管部门：${name}`,
  allDepartments: '全部部门',
  project: '项目名称',
  unit: '预算单位',
  status: '状态',
  grade: '等级',
  flags: '疑点',
  none: '本年度没有符合条件的自评表',
  settings: '评分参数',
} as const;

export const GRADE_COLOURS: Record<Grade, string> = { 优: '#389e0d', 良: '#1677ff', 中: '#faad14', 差: '#cf1322' };
export const UNFILED_COLOUR = '#bfbfbf';
