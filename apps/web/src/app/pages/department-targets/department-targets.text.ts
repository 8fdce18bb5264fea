/** Texts of the 部门整体绩效目标 page added around the form: its history and the department's project sheets. */
export const DEPARTMENT_TARGET_TEXT = {
  printTitle: (year: number) => `${year} 年度部门（单位）整体绩效目标表`,
  printDepartment: (name: string) => `主管部门：${name}`,
  history: '审核记录',
  projects: '本部门项目支出绩效目标表',
  projectColumns: { name: '项目名称', code: '项目编码', unit: '实施单位', total: '年度预算总额（元）', status: '状态', version: '版本' },
  noProjects: '本部门该年度尚无项目',
  projectsTotal: (n: number) => `共 ${n} 个项目`,
} as const;
