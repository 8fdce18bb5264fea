/** The four roles of SPEC §1. A user holds exactly one. */
export const ROLES = ['admin', 'finance_reviewer', 'department_reviewer', 'project_lead'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  finance_reviewer: '财政审核',
  department_reviewer: '主管部门审核',
  project_lead: '项目负责人',
};

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && (ROLES as readonly string[]).includes(value);
}
