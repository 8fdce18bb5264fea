import { moveProblem, parentProblem, PlacedOrganization } from './organization-kind';

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

describe('moving an organisation', () => {
  const tree: PlacedOrganization[] = [
    { id: 'czj', kind: 'finance', parentId: null },
    { id: 'zfb', kind: 'department', parentId: 'czj' },
    { id: 'zfb-bj', kind: 'unit', parentId: 'zfb' },
    { id: 'xfj', kind: 'department', parentId: 'czj' },
    // a tree bent by hand into a cycle must not loop forever
    { id: 'bent-a', kind: 'department', parentId: 'bent-b' },
    { id: 'bent-b', kind: 'department', parentId: 'bent-a' },
  ];
  const at = (id: string) => tree.find((o) => o.id === id) as PlacedOrganization;

  it.each([
    ['a unit to another department', 'zfb-bj', 'xfj', null],
    ['a department under itself', 'zfb', 'zfb', '不能把单位移到它自己或它的下级单位之下'],
    ['a department under its own unit', 'zfb', 'zfb-bj', '不能把单位移到它自己或它的下级单位之下'],
    ['finance under a department', 'czj', 'zfb', '不能把单位移到它自己或它的下级单位之下'],
    ['a unit under finance', 'zfb-bj', 'czj', '预算单位的上级必须是主管部门'],
    ['a department under another department', 'xfj', 'zfb', '主管部门的上级必须是财政部门'],
    ['a department under a bent tree', 'xfj', 'bent-a', '主管部门的上级必须是财政部门'],
  ])('%s', (_, id, parentId, message) => {
    expect(moveProblem(at(id), at(parentId), tree)).toBe(message);
  });

  it('a department to the root is refused by the kind rule', () => {
    expect(moveProblem(at('zfb'), null, tree)).toBe('主管部门的上级必须是财政部门');
  });
});
