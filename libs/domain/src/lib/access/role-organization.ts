import { ORGANIZATION_KIND_LABELS, OrganizationKind } from '../organizations/organization-kind';
import { Role, ROLE_LABELS } from './roles';

/** Each role belongs to one kind of organisation. */
const HOME_KIND: Record<Role, OrganizationKind> = {
  admin: 'finance',
  finance_reviewer: 'finance',
  department_reviewer: 'department',
  project_lead: 'unit',
};

export function homeKindOf(role: Role): OrganizationKind {
  return HOME_KIND[role];
}

export function roleOrganizationProblem(role: Role, kind: OrganizationKind): string | null {
  if (HOME_KIND[role] === kind) return null;
  return `${ROLE_LABELS[role]}须属于${ORGANIZATION_KIND_LABELS[HOME_KIND[role]]}`;
}

/** Passwords: at least 8 characters with a letter and a digit. */
export function passwordProblem(password: string): string | null {
  if (password.length < 8) return '密码至少 8 位';
  if (password.length > 128) return '密码不能超过 128 位';
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) return '密码须同时包含字母和数字';
  return null;
}
