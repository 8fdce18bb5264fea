import { passwordProblem, roleOrganizationProblem } from './role-organization';

describe('a role belongs to one kind of organisation', () => {
  it.each([
    ['project_lead', 'unit', null],
    ['project_lead', 'department', '项目负责人须属于预算单位'],
    ['department_reviewer', 'department', null],
    ['department_reviewer', 'unit', '主管部门审核须属于主管部门'],
    ['finance_reviewer', 'finance', null],
    ['admin', 'finance', null],
    ['admin', 'unit', '管理员须属于财政部门'],
  ] as const)('%s in a %s: %s', (role, kind, message) => {
    expect(roleOrganizationProblem(role, kind)).toBe(message);
  });
});

describe('passwords', () => {
  it.each([
    ['Demo@2026', null],
    ['abc12345', null],
    ['short1', '密码至少 8 位'],
    ['onlyletters', '密码须同时包含字母和数字'],
    ['12345678', '密码须同时包含字母和数字'],
  ])('%p: %s', (password, message) => {
    expect(passwordProblem(password)).toBe(message);
  });
});
