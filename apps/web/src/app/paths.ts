/** Route paths and page titles, in one place. */
export const PATHS = {
  login: '/login',
  projects: '/projects',
  inbox: '/inbox',
  departmentTargets: '/department-targets',
  monitoring: '/monitoring',
  selfEvaluation: '/self-evaluation',
  library: '/indicator-library',
  imports: '/imports',
  audit: '/audit',
  organizations: '/admin/organizations',
  users: '/admin/users',
  fiscalYears: '/admin/fiscal-years',
  forbidden: '/forbidden',
  notFound: '/not-found',
} as const;

export const TITLES = {
  login: '登录 - 绩效目标管理',
  projects: '项目 - 绩效目标管理',
  project: '项目详情 - 绩效目标管理',
  targetSheet: '绩效目标表 - 绩效目标管理',
  inbox: '待办 - 绩效目标管理',
  departmentTargets: '部门整体目标 - 绩效目标管理',
  departmentTarget: '部门整体绩效目标表 - 绩效目标管理',
  monitoring: '绩效运行监控 - 绩效目标管理',
  monitoringRound: '监控批次 - 绩效目标管理',
  monitoringReport: '绩效目标执行监控表 - 绩效目标管理',
  selfEvaluation: '绩效自评 - 绩效目标管理',
  selfEvaluationForm: '项目支出绩效自评表 - 绩效目标管理',
  library: '指标库 - 绩效目标管理',
  imports: '导入目标表 - 绩效目标管理',
  audit: '变更记录 - 绩效目标管理',
  organizations: '单位管理 - 绩效目标管理',
  users: '用户管理 - 绩效目标管理',
  fiscalYears: '预算年度 - 绩效目标管理',
  forbidden: '无权访问 - 绩效目标管理',
  notFound: '页面不存在 - 绩效目标管理',
} as const;

export const APP_NAME = '绩效目标管理';
