/**
 * The organisation tree of SPEC §1: finance bureau → 主管部门 → 预算单位.
 */
export const ORGANIZATION_KINDS = ['finance', 'department', 'unit'] as const;
export type OrganizationKind = (typeof ORGANIZATION_KINDS)[number];

export const ORGANIZATION_KIND_LABELS: Record<OrganizationKind, string> = {
  finance: '财政部门',
  department: '主管部门',
  unit: '预算单位',
};

/** Which kind of organisation may be the parent of each kind (null: a root). */
const PARENT_KIND: Record<OrganizationKind, OrganizationKind | null> = {
  finance: null,
  department: 'finance',
  unit: 'department',
};

export function allowedParentKind(kind: OrganizationKind): OrganizationKind | null {
  return PARENT_KIND[kind];
}

/** A message for a clerk when the parent does not fit, or null when it does. */
export function parentProblem(
  kind: OrganizationKind,
  parentKind: OrganizationKind | null,
): string | null {
  const expected = PARENT_KIND[kind];
  if (expected === parentKind) return null;
  if (expected === null) return `${ORGANIZATION_KIND_LABELS[kind]}不能有上级单位`;
  return `${ORGANIZATION_KIND_LABELS[kind]}的上级必须是${ORGANIZATION_KIND_LABELS[expected]}`;
}
