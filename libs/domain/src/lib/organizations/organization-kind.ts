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

export interface PlacedOrganization {
  id: string;
  kind: OrganizationKind;
  parentId: string | null;
}

/**
 * Why an organisation may not move under `parent` (null: to the root), or null when it may:
 * never under itself or anything below it, and only where a new one of its kind could be created.
 */
export function moveProblem(
  organization: PlacedOrganization,
  parent: PlacedOrganization | null,
  tree: readonly PlacedOrganization[],
): string | null {
  if (parent && belowOrSelf(parent.id, organization.id, tree)) return '不能把单位移到它自己或它的下级单位之下';
  return parentProblem(organization.kind, parent?.kind ?? null);
}

function belowOrSelf(id: string, ancestorId: string, tree: readonly PlacedOrganization[]): boolean {
  const parentOf = new Map(tree.map((o) => [o.id, o.parentId]));
  const seen = new Set<string>();
  for (let at: string | null | undefined = id; at && !seen.has(at); at = parentOf.get(at)) {
    if (at === ancestorId) return true;
    seen.add(at);
  }
  return false;
}
