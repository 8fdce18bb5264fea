import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { AuditEntryDto, Page, SessionUser } from '@pm/api-contract';
import { EntityManager, Repository } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { ColumnOf, insertAll, insertStatement } from '../database/insert-all';
import { User } from '../users/user.entity';
import { AuditEntry } from './audit-entry.entity';

export interface AuditChange {
  entity: string;
  entityId: string;
  organizationId: string | null;
  action: string;
  field?: string | null;
  oldValue?: string | null;
  newValue?: string | null;
}

/** The column holds 200 characters; a label naming a long indicator is cut there, its values stay whole. */
const FIELD_MAX = 200;
function fieldLabel(field: string | null | undefined): string | null {
  if (!field) return null;
  const chars = Array.from(field);
  return chars.length <= FIELD_MAX ? field : `${chars.slice(0, FIELD_MAX - 1).join('')}…`;
}

const AUDIT_COLUMNS = (actorId: string): ColumnOf<AuditChange>[] => [
  ['actor_id', 'uuid', () => actorId],
  ['organization_id', 'uuid', (c) => c.organizationId],
  ['entity', 'varchar', (c) => c.entity],
  ['entity_id', 'uuid', (c) => c.entityId],
  ['action', 'varchar', (c) => c.action],
  ['field', 'varchar', (c) => fieldLabel(c.field)],
  ['old_value', 'text', (c) => c.oldValue ?? null],
  ['new_value', 'text', (c) => c.newValue ?? null],
];

/** Every change to a record goes here, inside the transaction that made it. */
@Injectable()
export class AuditService {
  constructor(
    @InjectRepository(AuditEntry) private readonly entries: Repository<AuditEntry>,
    private readonly scope: ScopeService,
  ) {}

  async record(db: EntityManager, actor: SessionUser, changes: AuditChange[]): Promise<void> {
    if (changes.length === 0) return;
    await insertAll(db, 'audit_log', AUDIT_COLUMNS(actor.id), changes);
  }

  /** The same entries as an INSERT to send with the statement that made the change (parameters from `firstParam`). */
  statement(actor: SessionUser, changes: AuditChange[], firstParam: number): { sql: string; params: unknown[] } {
    return insertStatement('audit_log', AUDIT_COLUMNS(actor.id), changes, firstParam);
  }

  /** The log of the user's scope, newest first. */
  async list(user: SessionUser, filter: { entity?: string; entityId?: string; page?: number; pageSize?: number }): Promise<Page<AuditEntryDto>> {
    const pageSize = filter.pageSize ?? 100;
    const query = this.entries.createQueryBuilder('a').leftJoin(User, 'u', 'u.id = a.actor_id').addSelect('u.display_name', 'actor_name');
    await this.scope.restrict(user, query, 'a.organization_id');
    if (filter.entity) query.andWhere('a.entity = :entity', { entity: filter.entity });
    if (filter.entityId) query.andWhere('a.entity_id = :entityId', { entityId: filter.entityId });
    const total = await query.getCount();
    const { entities, raw } = await query
      .orderBy('a.id', 'DESC')
      .offset(((filter.page ?? 1) - 1) * pageSize)
      .limit(pageSize)
      .getRawAndEntities();
    return {
      total,
      items: entities.map((a, i) => ({
        at: a.at.toISOString(),
        actor: raw[i].actor_name ?? null,
        entity: a.entity,
        entityId: a.entityId,
        action: a.action,
        field: a.field,
        oldValue: a.oldValue,
        newValue: a.newValue,
      })),
    };
  }
}
