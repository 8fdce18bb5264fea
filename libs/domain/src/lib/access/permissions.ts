import { Role } from './roles';

/**
 * Everything a user can be allowed to do, named by capability.
 * The API guard and the web menu both read this one map.
 */
export const ACTIONS = [
  'organizations.read',
  'organizations.manage',
  'users.manage',
  'fiscalYears.read',
  'fiscalYears.manage',
  'projects.read',
  'projects.create',
  'targets.read',
  'targets.edit',
  'targets.review',
  'inbox.read',
  'audit.read',
  'library.curate',
  'targets.import',
  /** share an import layout (版式) with every organisation, and change or delete a shared one */
  'importLayouts.share',
  'departmentTargets.edit',
  'departmentTargets.review',
  'monitoring.read',
  'monitoring.edit',
  'monitoring.review',
  'monitoring.manage',
  'selfEvaluation.read',
  'selfEvaluation.edit',
  'selfEvaluation.review',
  'selfEvaluation.manage',
  'settings.manage',
] as const;
export type Action = (typeof ACTIONS)[number];

const PERMISSIONS: Record<Role, readonly Action[]> = {
  admin: [
    'organizations.read',
    'organizations.manage',
    'users.manage',
    'fiscalYears.read',
    'fiscalYears.manage',
    'projects.read',
    'targets.read',
    'inbox.read',
    'audit.read',
    'monitoring.read',
    'selfEvaluation.read',
  ],
  finance_reviewer: [
    'organizations.read',
    'fiscalYears.read',
    'projects.read',
    'targets.read',
    'targets.review',
    'inbox.read',
    'audit.read',
    'library.curate',
    'targets.import',
    'importLayouts.share',
    'departmentTargets.review',
    'monitoring.read',
    'monitoring.review',
    'monitoring.manage',
    'selfEvaluation.read',
    'selfEvaluation.review',
    'selfEvaluation.manage',
    'settings.manage',
  ],
  department_reviewer: [
    'organizations.read',
    'fiscalYears.read',
    'projects.read',
    'targets.read',
    'targets.review',
    'inbox.read',
    'audit.read',
    'library.curate',
    'targets.import',
    'departmentTargets.edit',
    'monitoring.read',
    'monitoring.review',
    'selfEvaluation.read',
    'selfEvaluation.review',
  ],
  project_lead: ['organizations.read', 'fiscalYears.read', 'projects.read', 'projects.create', 'targets.read', 'targets.edit', 'inbox.read', 'targets.import', 'monitoring.read', 'monitoring.edit', 'selfEvaluation.read', 'selfEvaluation.edit'],
};

export function hasPermission(role: Role, action: Action): boolean {
  return PERMISSIONS[role].includes(action);
}

/** A route open to several capabilities (a sheet's PUT: the lead's edit and the reviewer's 良-edit). */
export function hasAnyPermission(role: Role, actions: readonly Action[]): boolean {
  return actions.some((action) => hasPermission(role, action));
}

export function permissionsOf(role: Role): readonly Action[] {
  return PERMISSIONS[role];
}
