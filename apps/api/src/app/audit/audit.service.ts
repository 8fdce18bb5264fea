import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditEntryDto, AuditFilter, Page, SessionUser } from '@pm/api-contract';
import { AUDIT_TIME_ZONE, auditActionLabel, auditTime, describeAuditEntry } from '@pm/domain';
import { DataSource, EntityManager } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { badRequest } from '../common/api-error';
import { ColumnOf, insertAll, insertStatement } from '../database/insert-all';
import type { ExportFile } from '../exports/exports.service';
import { buildWorkbook } from '../exports/workbooks';

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
    @InjectDataSource() private readonly dataSource: DataSource,
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

  /** The log of the user's scope, newest first, a page of it, in words. */
  async list(user: SessionUser, filter: AuditListFilter): Promise<Page<AuditEntryDto>> {
    const pageSize = filter.pageSize ?? 100;
    const { where, params, joins } = await this.conditions(user, filter);
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM audit_log a ${joins} ${where}`, params);
    const items = await this.read(where, params, pageSize, ((filter.page ?? 1) - 1) * pageSize);
    return { total, items };
  }

  /** The entries the filter selects as a workbook, newest first, at most `AUDIT_EXPORT_LIMIT` of them (said in the sheet when cut). */
  async exportFile(user: SessionUser, filter: AuditFilter): Promise<ExportFile> {
    const { where, params } = await this.conditions(user, filter);
    const items = await this.read(where, params, AUDIT_EXPORT_LIMIT + 1, 0);
    const cut = items.length > AUDIT_EXPORT_LIMIT;
    const note = cut ? `符合条件的记录超过 ${AUDIT_EXPORT_LIMIT.toLocaleString('en-US')} 条，仅导出最近的 ${AUDIT_EXPORT_LIMIT.toLocaleString('en-US')} 条；请缩小日期范围后分别导出` : null;
    const day = auditTime(new Date()).slice(0, 10);
    const content = await buildWorkbook('auditLog', '变更记录', `导出于 ${auditTime(new Date())}（北京时间）；${filterWords(filter)}；共 ${Math.min(items.length, AUDIT_EXPORT_LIMIT)} 条`, items.slice(0, AUDIT_EXPORT_LIMIT), note);
    return { fileName: `变更记录 ${day}.xlsx`, content };
  }

  private async read(where: string, params: unknown[], limit: number, offset: number): Promise<AuditEntryDto[]> {
    const rows: AuditRow[] = await this.dataSource.query(
      `SELECT a.at, a.entity, a.entity_id, a.action, a.field, a.old_value, a.new_value, u.display_name AS actor, org.name AS organization_name, o.name AS object_name,
              ${PROFILE_NAME('a.old_value')} AS old_profile, ${PROFILE_NAME('a.new_value')} AS new_profile
         FROM audit_log a ${OBJECT_JOIN} ${ACTOR_JOIN}
         LEFT JOIN organizations org ON org.id = a.organization_id
         ${where}
        ORDER BY a.id DESC
        LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, limit, offset],
    );
    return rows.map((r) => {
      const stored = { entity: r.entity, action: r.action, field: r.field, oldValue: r.old_value, newValue: r.new_value };
      const words = describeAuditEntry(stored);
      return {
        at: new Date(r.at).toISOString(),
        actor: r.actor,
        entityId: r.entity_id,
        ...stored,
        ...words,
        // a year's profile is stored by its id: named here
        ...(r.old_profile || r.new_profile ? { oldText: r.old_profile ?? words.oldText, newText: r.new_profile ?? words.newText } : {}),
        objectName: r.object_name,
        organizationName: r.organization_name,
      };
    });
  }

  /** The WHERE of a filter within the user's scope, and the joins it needs (for counting without the rest). */
  private async conditions(user: SessionUser, filter: AuditListFilter): Promise<{ where: string; params: unknown[]; joins: string }> {
    const actor = filter.actor?.trim();
    const object = filter.object?.trim();
    if (filter.from && filter.to && filter.from > filter.to) throw badRequest('结束日期不能早于开始日期', [{ field: 'to', message: '结束日期不能早于开始日期' }]);
    const params: unknown[] = [];
    const all: string[] = [];
    const scope = await this.scope.readableCondition(user, 'a.organization_id', params);
    if (scope) all.push(scope);
    if (filter.entity) all.push(`a.entity = $${params.push(filter.entity)}`);
    if (filter.entityId) all.push(`a.entity_id = $${params.push(filter.entityId)}`);
    if (filter.action) all.push(`a.action = $${params.push(filter.action)}`);
    if (filter.from) all.push(`a.at >= ($${params.push(filter.from)}::date::timestamp AT TIME ZONE '${AUDIT_TIME_ZONE}')`);
    if (filter.to) all.push(`a.at < (($${params.push(filter.to)}::date + 1)::timestamp AT TIME ZONE '${AUDIT_TIME_ZONE}')`);
    if (actor) all.push(`u.display_name ILIKE $${params.push(containing(actor))}`);
    if (object) all.push(`o.name ILIKE $${params.push(containing(object))}`);
    return { where: all.length ? `WHERE ${all.join(' AND ')}` : '', params, joins: `${object ? OBJECT_JOIN : ''} ${actor ? ACTOR_JOIN : ''}` };
  }
}

/** The export stops here; a longer log is taken in parts by date. */
export const AUDIT_EXPORT_LIMIT = 50_000;

/** The filters in words, as the exported sheet states them. */
function filterWords(filter: AuditFilter): string {
  const words = [
    filter.from || filter.to ? `日期 ${filter.from ?? '最早'} 至 ${filter.to ?? '今天'}` : null,
    filter.actor?.trim() ? `操作人含“${filter.actor.trim()}”` : null,
    filter.object?.trim() ? `对象含“${filter.object.trim()}”` : null,
    filter.action ? `操作：${auditActionLabel(filter.action)}` : null,
  ].filter((w) => w !== null);
  return words.length ? `筛选：${words.join('，')}` : '全部记录';
}

export type AuditListFilter = AuditFilter & { entity?: string; entityId?: string; page?: number; pageSize?: number };

interface AuditRow {
  at: Date;
  entity: string;
  entity_id: string;
  action: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
  actor: string | null;
  organization_name: string | null;
  object_name: string | null;
  old_profile: string | null;
  new_profile: string | null;
}

/** `%…%` for ILIKE, the user's own % and _ taken literally. */
const containing = (text: string) => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

const ACTOR_JOIN = 'LEFT JOIN users u ON u.id = a.actor_id';

const PROFILE_NAME = (column: string) => `CASE WHEN a.entity = 'fiscal_year' AND a.field LIKE '%参数方案' THEN (SELECT p.name FROM settings_profiles p WHERE p.id::text = ${column}) END`;

/**
 * The record's name, looked up by its kind in the same statement (one lateral row per entry, only
 * the matching branch evaluated): the project of a sheet, report, request or self-evaluation; the
 * department of its overall target; the unit, layout, profile or round itself.
 */
const OBJECT_JOIN = `LEFT JOIN LATERAL (SELECT CASE a.entity
    WHEN 'target_sheet' THEN (SELECT p.name FROM target_sheets s JOIN projects p ON p.id = s.project_id WHERE s.id = a.entity_id)
    WHEN 'project' THEN (SELECT p.name FROM projects p WHERE p.id = a.entity_id)
    WHEN 'monitoring_report' THEN (SELECT p.name FROM monitoring_reports r JOIN projects p ON p.id = r.project_id WHERE r.id = a.entity_id)
    WHEN 'budget_cut' THEN (SELECT p.name FROM budget_cuts c JOIN projects p ON p.id = c.project_id WHERE c.id = a.entity_id)
    WHEN 'self_evaluation' THEN (SELECT p.name FROM self_evaluations e JOIN projects p ON p.id = e.project_id WHERE e.id = a.entity_id)
    WHEN 'department_target' THEN (SELECT d.name || '（' || t.fiscal_year || ' 年）' FROM department_targets t JOIN organizations d ON d.id = t.department_id WHERE t.id = a.entity_id)
    WHEN 'department_self_evaluation' THEN (SELECT d.name || '（' || t.fiscal_year || ' 年）' FROM department_self_evaluations t JOIN organizations d ON d.id = t.department_id WHERE t.id = a.entity_id)
    WHEN 'organization' THEN (SELECT x.name FROM organizations x WHERE x.id = a.entity_id)
    WHEN 'indicator_results' THEN (SELECT x.name FROM organizations x WHERE x.id = a.entity_id)
    WHEN 'user' THEN (SELECT x.display_name FROM users x WHERE x.id = a.entity_id)
    WHEN 'import_layout' THEN coalesce((SELECT l.name FROM import_layouts l WHERE l.id = a.entity_id), substring(coalesce(a.old_value, a.new_value) FROM '^“([^”]+)”'))
    WHEN 'settings_profile' THEN (SELECT p.name FROM settings_profiles p WHERE p.id = a.entity_id)
    WHEN 'fiscal_year' THEN ltrim(right(a.entity_id::text, 12), '0') || ' 年度'
    WHEN 'monitoring_round' THEN (SELECT r.fiscal_year || ' 年度 截至 ' || to_char(r.cutoff_date, 'YYYY-MM-DD') FROM monitoring_rounds r WHERE r.id = a.entity_id)
    WHEN 'self_evaluation_round' THEN (SELECT r.fiscal_year || ' 年度自评' FROM self_evaluation_rounds r WHERE r.id = a.entity_id)
    WHEN 'login_lock' THEN coalesce(substring(a.field FROM '^account:([^|]+)'), substring(a.field FROM '^address:(.+)$'))
  END AS name) o ON true`;
