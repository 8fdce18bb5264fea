import { OrganizationDto } from '@pm/api-contract';
import { treeOrder } from './reference-data.service';

const org = (id: string, name: string, kind: OrganizationDto['kind'], parentId: string | null): OrganizationDto => ({ id, name, kind, parentId, code: null });

describe('organisations in tree order', () => {
  it('lists each organisation under its parent with its depth', () => {
    const rows = treeOrder([
      org('u2', '曲靖市信访局（本级）', 'unit', 'd2'),
      org('d1', '曲靖市人民政府办公室', 'department', 'f'),
      org('f', '曲靖市财政局', 'finance', null),
      org('u1', '曲靖市人民政府办公室（本级）', 'unit', 'd1'),
      org('d2', '曲靖市信访局', 'department', 'f'),
    ]);
    expect(rows.map((r) => [r.depth, r.id])).toEqual([
      [0, 'f'],
      [1, 'd1'],
      [2, 'u1'],
      [1, 'd2'],
      [2, 'u2'],
    ]);
  });

  it('puts an organisation whose parent the user cannot see at the top', () => {
    const rows = treeOrder([org('u1', '曲靖市人民政府办公室（本级）', 'unit', 'hidden')]);
    expect(rows).toEqual([expect.objectContaining({ id: 'u1', depth: 0 })]);
  });
});
