import { canRead, canWrite, descendantsOf, OrganizationNode, scopeOf } from './scope';

// 财政局 → 政府办 → 政府办（本级）; 财政局 → 信访局 → 信访局（本级）
const tree: OrganizationNode[] = [
  { id: 'czj', parentId: null },
  { id: 'zfb', parentId: 'czj' },
  { id: 'zfb-bj', parentId: 'zfb' },
  { id: 'xfj', parentId: 'czj' },
  { id: 'xfj-bj', parentId: 'xfj' },
];

describe('organisation scope', () => {
  it('finds a node and everything below it', () => {
    expect([...descendantsOf('zfb', tree)].sort()).toEqual(['zfb', 'zfb-bj']);
    expect([...descendantsOf('czj', tree)]).toHaveLength(5);
    expect([...descendantsOf('zfb-bj', tree)]).toEqual(['zfb-bj']);
  });

  it.each([
    // role, own organisation, organisation asked about, may read, may write
    ['finance_reviewer', 'czj', 'xfj-bj', true, false],
    ['admin', 'czj', 'zfb-bj', true, false],
    ['department_reviewer', 'zfb', 'zfb-bj', true, false],
    ['department_reviewer', 'zfb', 'zfb', true, true],
    ['department_reviewer', 'zfb', 'xfj-bj', false, false],
    ['project_lead', 'zfb-bj', 'zfb-bj', true, true],
    ['project_lead', 'zfb-bj', 'zfb', false, false],
    ['project_lead', 'xfj-bj', 'zfb-bj', false, false],
  ] as const)('%s of %s asking about %s: read %s, write %s', (role, own, asked, read, write) => {
    const scope = scopeOf({ role, organizationId: own }, tree);
    expect(canRead(scope, asked)).toBe(read);
    expect(canWrite(scope, asked)).toBe(write);
  });

  it('survives a cycle in bad data without looping', () => {
    const cyclic: OrganizationNode[] = [
      { id: 'a', parentId: 'b' },
      { id: 'b', parentId: 'a' },
    ];
    expect([...descendantsOf('a', cyclic)].sort()).toEqual(['a', 'b']);
  });
});
