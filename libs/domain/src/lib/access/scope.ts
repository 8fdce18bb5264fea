import { Role } from './roles';

export interface OrganizationNode {
  id: string;
  parentId: string | null;
}

export interface ScopeSubject {
  role: Role;
  organizationId: string;
}

/**
 * The organisations a user may read and write. `all` means no restriction.
 * A unit sees itself; a department sees itself and everything below it;
 * finance and admin see everything. Writing is authoring: project leads write their
 * unit's records (projects, sheets, reports); a department writes its own
 * department-level records (its overall target), never its units'.
 */
export interface Scope {
  read: 'all' | ReadonlySet<string>;
  write: ReadonlySet<string>;
}

export function descendantsOf(rootId: string, nodes: readonly OrganizationNode[]): Set<string> {
  const children = new Map<string, string[]>();
  for (const node of nodes) {
    if (node.parentId === null) continue;
    const list = children.get(node.parentId) ?? [];
    list.push(node.id);
    children.set(node.parentId, list);
  }
  const result = new Set<string>();
  const stack = [rootId];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    if (result.has(id)) continue;
    result.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return result;
}

export function scopeOf(subject: ScopeSubject, nodes: readonly OrganizationNode[]): Scope {
  switch (subject.role) {
    case 'admin':
    case 'finance_reviewer':
      return { read: 'all', write: new Set() };
    case 'department_reviewer':
      return { read: descendantsOf(subject.organizationId, nodes), write: new Set([subject.organizationId]) };
    case 'project_lead': {
      const own = descendantsOf(subject.organizationId, nodes);
      return { read: own, write: own };
    }
  }
}

export function canRead(scope: Scope, organizationId: string): boolean {
  return scope.read === 'all' || scope.read.has(organizationId);
}

export function canWrite(scope: Scope, organizationId: string): boolean {
  return scope.write.has(organizationId);
}
