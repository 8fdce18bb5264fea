import type { OrganizationKind } from '@pm/domain';

export interface OrganizationDto {
  id: string;
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
  code: string | null;
}

export interface CreateOrganizationRequest {
  name: string;
  kind: OrganizationKind;
  parentId: string | null;
  code?: string | null;
}

export interface UpdateOrganizationRequest {
  name?: string;
  code?: string | null;
  /** A move: the new 上级单位 (null only for the finance bureau), refused when it breaks the tree. */
  parentId?: string | null;
}
