import { hasPermission } from './permissions';
import { Role } from './roles';

describe('who may do what', () => {
  it.each<[Role, Parameters<typeof hasPermission>[1], boolean]>([
    ['admin', 'organizations.manage', true],
    ['admin', 'users.manage', true],
    ['admin', 'fiscalYears.manage', true],
    ['admin', 'projects.create', false],
    ['finance_reviewer', 'projects.read', true],
    ['finance_reviewer', 'projects.create', false],
    ['finance_reviewer', 'users.manage', false],
    ['department_reviewer', 'projects.read', true],
    ['department_reviewer', 'projects.create', false],
    ['department_reviewer', 'organizations.manage', false],
    ['project_lead', 'projects.create', true],
    ['project_lead', 'users.manage', false],
    ['project_lead', 'fiscalYears.manage', false],
    ['project_lead', 'targets.edit', true],
    ['project_lead', 'targets.review', false],
    ['project_lead', 'audit.read', false],
    ['department_reviewer', 'targets.review', true],
    ['department_reviewer', 'targets.edit', false],
    ['department_reviewer', 'audit.read', true],
    ['finance_reviewer', 'targets.review', true],
    ['admin', 'targets.edit', false],
    ['admin', 'audit.read', true],
    ['finance_reviewer', 'library.curate', true],
    ['department_reviewer', 'library.curate', true],
    ['project_lead', 'library.curate', false],
    ['project_lead', 'targets.import', true],
    ['department_reviewer', 'targets.import', true],
    ['admin', 'targets.import', false],
    ['department_reviewer', 'departmentTargets.edit', true],
    ['department_reviewer', 'departmentTargets.review', false],
    ['finance_reviewer', 'departmentTargets.review', true],
    ['finance_reviewer', 'departmentTargets.edit', false],
    ['project_lead', 'departmentTargets.edit', false],
    ['finance_reviewer', 'monitoring.manage', true],
    ['department_reviewer', 'monitoring.manage', false],
    ['project_lead', 'monitoring.edit', true],
    ['project_lead', 'monitoring.review', false],
    ['department_reviewer', 'monitoring.review', true],
    ['admin', 'monitoring.read', true],
  ])('%s may %s: %s', (role, action, expected) => {
    expect(hasPermission(role, action)).toBe(expected);
  });
});
