import { parentProblem } from './organization-kind';

describe('organisation tree shape', () => {
  it.each([
    ['finance', null, null],
    ['department', 'finance', null],
    ['unit', 'department', null],
    ['finance', 'department', '财政部门不能有上级单位'],
    ['department', null, '主管部门的上级必须是财政部门'],
    ['unit', 'finance', '预算单位的上级必须是主管部门'],
    ['unit', 'unit', '预算单位的上级必须是主管部门'],
  ] as const)('a %s under a %s: %s', (kind, parentKind, message) => {
    expect(parentProblem(kind, parentKind)).toBe(message);
  });
});
