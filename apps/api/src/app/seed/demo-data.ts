import { OrganizationKind, ProjectLevel, Role } from '@pm/domain';

/**
 * Demo data transcribed from the published 2026 budget disclosures in shared/seeds
 * (曲靖市人民政府办公室（本级） and 曲靖市信访局). Names, codes and amounts are as published;
 * a project whose amount is not published carries 0.
 */
export interface DemoOrganization {
  key: string;
  name: string;
  kind: OrganizationKind;
  parent: string | null;
}

export const DEMO_ORGANIZATIONS: DemoOrganization[] = [
  { key: 'czj', name: '曲靖市财政局', kind: 'finance', parent: null },
  { key: 'zfb', name: '曲靖市人民政府办公室', kind: 'department', parent: 'czj' },
  { key: 'zfb-bj', name: '曲靖市人民政府办公室（本级）', kind: 'unit', parent: 'zfb' },
  { key: 'xfj', name: '曲靖市信访局', kind: 'department', parent: 'czj' },
  { key: 'xfj-bj', name: '曲靖市信访局（本级）', kind: 'unit', parent: 'xfj' },
];

export interface DemoUser {
  username: string;
  displayName: string;
  role: Role;
  organization: string;
  /** An account kept for its history but no longer allowed to sign in (用户管理 shows it 已停用). */
  disabled?: boolean;
}

export const DEMO_PASSWORD = 'Demo@2026';

export const DEMO_USERS: DemoUser[] = [
  { username: 'admin', displayName: '系统管理员', role: 'admin', organization: 'czj' },
  { username: 'finance', displayName: '财政局预算绩效科', role: 'finance_reviewer', organization: 'czj' },
  { username: 'zfb.reviewer', displayName: '政府办财务审核', role: 'department_reviewer', organization: 'zfb' },
  { username: 'zfb.lead', displayName: '政府办项目负责人', role: 'project_lead', organization: 'zfb-bj' },
  { username: 'xfj.reviewer', displayName: '信访局财务审核', role: 'department_reviewer', organization: 'xfj' },
  { username: 'xfj.lead', displayName: '信访局项目负责人', role: 'project_lead', organization: 'xfj-bj' },
  { username: 'xfj.retired', displayName: '信访局原项目负责人（已调离）', role: 'project_lead', organization: 'xfj-bj', disabled: true },
];

export const DEMO_FISCAL_YEARS = [
  { year: 2024, status: 'closed' as const, targetDeadline: null },
  { year: 2026, status: 'open' as const, targetDeadline: '2026-12-15' },
];

export interface DemoProject {
  unit: string;
  code: string | null;
  name: string;
  category: string;
  level: ProjectLevel;
  /** 2026 一般公共预算 (yuan); also 2027 and 2028 of the 中期规划 table, which repeat it. */
  amount: string;
  midTerm: boolean;
}

const zfb = (name: string, category: string, amount: string): DemoProject => ({
  unit: 'zfb-bj', code: null, name, category, level: '本级', amount, midTerm: true,
});

export const DEMO_PROJECTS_2026: DemoProject[] = [
  // 曲靖市人民政府办公室（本级）: 2026年部门项目支出中期规划预算表 (no project codes published)
  zfb('其他人员支出', '116 其他人员支出', '925269.00'),
  zfb('政府门户网站运营维护专项经费', '311 专项业务类', '600000.00'),
  zfb('督办及调研工作经费', '311 专项业务类', '700000.00'),
  zfb('政务信息工作经费', '311 专项业务类', '50000.00'),
  zfb('应急管理经费', '311 专项业务类', '70000.00'),
  zfb('《曲靖市人民政府公报》编印费及政府信息公开工作经费', '311 专项业务类', '90000.00'),
  zfb('市政府总值班室调度平台运营服务项目经费', '311 专项业务类', '656000.00'),
  zfb('曲靖市政府网站集约化平台服务项目经费', '311 专项业务类', '400000.00'),
  zfb('遗属生活补助资金', '312 民生类', '37560.00'),
  zfb('政府办机关专项经费', '313 事业发展类', '186440.00'),
  // 曲靖市信访局: 2026年部门项目支出预算表 (codes) and 中期规划预算表 (categories, levels)
  { unit: 'xfj-bj', code: null, name: '其他人员支出', category: '116 其他人员支出', level: '本级', amount: '465600.00', midTerm: true },
  { unit: 'xfj-bj', code: '5303002000000000000136', name: '信访智能系统及政务热线专项经费', category: '311 专项业务类', level: '本级', amount: '2525000.00', midTerm: true },
  { unit: 'xfj-bj', code: '5303002100000000017627', name: '信访安全保障专项经费', category: '311 专项业务类', level: '本级', amount: '459307.00', midTerm: true },
  { unit: 'xfj-bj', code: '530300251100004244372', name: '办公用房租赁专项经费', category: '311 专项业务类', level: '本级', amount: '110000.00', midTerm: true },
  { unit: 'xfj-bj', code: '530300251100004244419', name: '业务用房租赁专项经费', category: '311 专项业务类', level: '本级', amount: '240093.00', midTerm: true },
  // published with category "323 事业发展类" in the 中期规划 table; kept as published
  { unit: 'xfj-bj', code: '530300200000000000379', name: '解决特殊疑难信访问题补助资金', category: '323 事业发展类', level: '对下', amount: '300000.00', midTerm: true },
  // the 项目支出预算表 rows of this name add up to 220,000.00, the gap between its 合计 and 本次下达
  { unit: 'xfj-bj', code: '530300210000000002731', name: '解决特殊疑难信访问题中央补助资金', category: '事业发展类', level: '对下', amount: '220000.00', midTerm: false },
  // in the 项目绩效目标表 only; its amount is not published
  { unit: 'xfj-bj', code: null, name: '信创产品购置专项经费', category: '专项业务类', level: '本级', amount: '0.00', midTerm: false },
];
