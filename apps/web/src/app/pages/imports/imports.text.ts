import { DepartmentTargetImportAction } from '@pm/api-contract';

/** Texts of 导入目标表: the 部门（单位）整体绩效目标表, and the target tables' preview (its problems, doubts and confirmation). */
export const IMPORTS_TEXT = {
  kinds: {
    targets: '绩效目标表',
    department: '部门整体绩效目标表',
    results: '以前年度自评表（上年完成值）',
  },
  department: {
    own: '导入到：',
    pick: '导入到哪个主管部门',
    hint: '部门（单位）整体绩效目标表，可单独上传，也可上传整份部门预算公开文件（只读取其中的部门整体绩效目标表）；导入后为本部门该年度的部门整体绩效目标草稿，已提交或已批复的不能覆盖。',
    summary: (name: string, year: number, repairs: number, errors: number) => `${name} · ${year} 年度 · 修正 ${repairs} 处 · 问题 ${errors} 处`,
    columns: { department: '主管部门', action: '处理', duties: '履职目标', tasks: '主要任务', indicators: '指标数', budget: '预算总额（元）', checks: '检查' },
    budget: { total: '预算总额', basic: '基本支出', project: '项目支出', appropriation: '财政拨款', carryOver: '上年结转', other: '其他资金' },
    done: '已导入为部门整体绩效目标草稿。',
    open: '到部门整体绩效目标查看',
    imported: (indicators: number) => `已导入部门整体绩效目标：${indicators} 条指标`,
    warningsTitle: '请确认',
  },
  targets: {
    wholeDepartment: (name: string) => `${name}（整个部门：按表中的单位行分到各单位）`,
    units: (n: number) => `分到 ${n} 个预算单位：`,
    unit: (name: string, code: string | null, projects: number, created: boolean) => `${name}${code ? `（${code}）` : ''} · ${projects} 个项目${created ? ' · 将新建该单位' : ''}`,
    unitColumn: '预算单位',
  },
  preview: {
    unitTitle: '表格写明的单位与导入到的单位不同',
    unitConfirm: (unit: string) => `我已核对，确认导入到“${unit}”`,
    unitHint: '未勾选时不能确认导入。',
    problems: (blocking: number, warnings: number) => `检查结果：必须修改 ${blocking} 处 · 提醒 ${warnings} 处（行号是导入后目标表中的第几行；导入后在目标表中修改，提交前须改正“必须修改”的各处）`,
    doubtCount: (n: number) => ` 存疑 ${n} 处`,
    blocking: '必须修改',
    warning: '提醒',
    sheetWide: '整表',
    doubtsTitle: (n: number) => `存疑 ${n} 处：这些行可能归错了项目，请对照原表核对`,
    budget: '年度预算（元）',
    category: '项目分类',
    confirmTitle: '确认导入？',
    confirmOk: '确认导入',
    cancel: '取消',
    confirmLines: (r: { unit: string; projects: number; indicators: number; created: number; updated: number; adjusted: number; blocking: number; doubts: number; namedUnits: string[] }) =>
      [
        `将 ${r.projects} 个项目、${r.indicators} 条指标导入到“${r.unit}”：新建 ${r.created} 个，更新草稿 ${r.updated} 个，生成调整稿 ${r.adjusted} 个。`,
        r.namedUnits.length ? `表格写明的单位是${r.namedUnits.map((u) => `“${u}”`).join('、')}，您已确认导入到“${r.unit}”。` : '',
        r.blocking ? `导入后还有 ${r.blocking} 处必须修改，提交前须改正。` : '',
        r.doubts ? `有 ${r.doubts} 处存疑的行按表中位置导入，请导入后核对。` : '',
      ].filter(Boolean),
  },
  checks: {
    blocking: (n: number) => `提交前须修改 ${n} 处`,
    warnings: (n: number) => ` 提醒 ${n} 处`,
    passed: '通过',
  },
} as const;

export const DEPARTMENT_ACTIONS: Record<DepartmentTargetImportAction, { label: string; color: string }> = {
  created: { label: '新建草稿', color: 'green' },
  updated: { label: '更新草稿', color: 'blue' },
  unchanged: { label: '无变化', color: 'default' },
};
