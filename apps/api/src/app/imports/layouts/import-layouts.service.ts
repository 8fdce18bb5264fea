import { ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { ImportLayoutDto, Page, SaveImportLayoutRequest, SessionUser, TableGridResult, UpdateImportLayoutRequest } from '@pm/api-contract';
import { canRead, COLUMN_LABELS, columnChoices, hasPermission, layoutFault, layoutSignature, NamedLayout, TableLayout } from '@pm/domain';
import { DataSource, EntityManager, Not, Repository } from 'typeorm';
import { ScopeService } from '../../access/scope.service';
import { AuditService } from '../../audit/audit.service';
import { badRequest } from '../../common/api-error';
import { Organization } from '../../organizations/organization.entity';
import { readTables, TablesInput } from '../workbook';
import { ImportLayout } from './import-layout.entity';

/** The layouts an import tries, newest first: enough for any office, few enough to send to the reader with every upload. */
const MAX_APPLIED = 200;
/** The name of a layout tried before it is saved (the upload's `layout` field without a name). */
const UNSAVED = '未保存的版式';

const toDto = (l: ImportLayout): ImportLayoutDto => ({
  id: l.id,
  name: l.name,
  organizationId: l.organizationId,
  organizationName: l.organization?.name ?? '',
  shared: l.shared,
  version: l.version,
  header: l.layout.header,
  columns: l.layout.columns,
  skipRows: l.layout.skipRows ?? 0,
  updatedAt: l.updatedAt.toISOString(),
});

/** A layout for the audit log: its name and what it maps, in a line. */
function described(name: string, layout: TableLayout, shared: boolean): string {
  const labels = layout.columns.flatMap((c) => (c ? [COLUMN_LABELS[c]] : []));
  return `“${name}”：表头 ${layout.header.length} 行，导入 ${labels.length} 列（${labels.join('、')}）${layout.skipRows ? `，表头下跳过 ${layout.skipRows} 行` : ''}${shared ? '，共享给所有单位' : ''}`;
}

/**
 * 版式 (SPEC §7): the column mappings clerks make by hand for tables the reader cannot place, saved
 * per organisation (shared with every organisation by finance), versioned and audited; and the
 * layouts an import into an organisation tries — its own, its ancestors' and the shared ones.
 */
@Injectable()
export class ImportLayoutsService {
  constructor(
    @InjectRepository(ImportLayout) private readonly layouts: Repository<ImportLayout>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  /** The layouts of the organisations the user may read, and the shared ones, newest first. */
  async list(user: SessionUser, page: { page?: number; pageSize?: number }): Promise<Page<ImportLayoutDto>> {
    const pageSize = page.pageSize ?? 50;
    const query = this.layouts.createQueryBuilder('l').innerJoinAndSelect('l.organization', 'o');
    const scope = await this.scope.of(user);
    if (scope.read !== 'all') query.where('(l.shared OR l.organization_id = ANY(:scopeOrganizationIds))', { scopeOrganizationIds: [...scope.read] });
    const total = await query.getCount();
    const rows = await query
      .orderBy('l.updated_at', 'DESC')
      .addOrderBy('l.id')
      .offset(((page.page ?? 1) - 1) * pageSize)
      .limit(pageSize)
      .getMany();
    return { items: rows.map(toDto), total };
  }

  async create(user: SessionUser, body: SaveImportLayoutRequest): Promise<ImportLayoutDto> {
    const organizationId = body.organizationId ?? user.organizationId;
    await this.assertOrganization(user, organizationId);
    const shared = body.shared ?? false;
    this.assertMayShare(user, shared);
    const { name, layout } = checked(body);
    const id = await this.dataSource.transaction(async (db) => {
      await assertNameFree(db, organizationId, name);
      const saved = await db.save(ImportLayout, db.create(ImportLayout, { organizationId, name, shared, signature: layoutSignature(layout.header), layout, version: 1, createdBy: user.id, updatedBy: user.id }));
      await this.audit.record(db, user, [{ entity: 'import_layout', entityId: saved.id, organizationId, action: 'create', field: 'layout', newValue: described(name, layout, shared) }]);
      return saved.id;
    });
    return this.dto(id);
  }

  /** The whole layout again, at the version it was read (409 when someone changed it since); `shared` left out keeps what it was. */
  async update(user: SessionUser, id: string, body: UpdateImportLayoutRequest): Promise<ImportLayoutDto> {
    const found = await this.changeable(user, id);
    const organizationId = body.organizationId ?? found.organizationId;
    if (organizationId !== found.organizationId) await this.assertOrganization(user, organizationId);
    const shared = body.shared ?? found.shared;
    this.assertMayShare(user, shared);
    const { name, layout } = checked(body);
    await this.dataSource.transaction(async (db) => {
      const locked = await db.findOne(ImportLayout, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!locked) throw new NotFoundException('未找到该版式，或您无权查看');
      if (locked.version !== body.version) throw new ConflictException({ message: `版式“${locked.name}”已被他人修改（当前为第 ${locked.version} 版），请刷新后重试`, errors: [{ field: 'version', message: '版本已过期' }] });
      await assertNameFree(db, organizationId, name, id);
      await db.update(ImportLayout, { id }, { organizationId, name, shared, signature: layoutSignature(layout.header), layout, version: locked.version + 1, updatedBy: user.id });
      await this.audit.record(db, user, [
        { entity: 'import_layout', entityId: id, organizationId, action: 'update', field: 'layout', oldValue: described(locked.name, locked.layout, locked.shared), newValue: described(name, layout, shared) },
      ]);
    });
    return this.dto(id);
  }

  async remove(user: SessionUser, id: string): Promise<void> {
    const found = await this.changeable(user, id);
    await this.dataSource.transaction(async (db) => {
      await db.delete(ImportLayout, { id });
      await this.audit.record(db, user, [{ entity: 'import_layout', entityId: id, organizationId: found.organizationId, action: 'delete', field: 'layout', oldValue: described(found.name, found.layout, found.shared) }]);
    });
  }

  /**
   * The layouts an import into this organisation tries (the organisation checked by the caller):
   * its own, those of the organisations above it, and the shared ones; newest first, at most 200.
   */
  async forImport(organizationId: string): Promise<NamedLayout[]> {
    const rows: { id: string; name: string; layout: TableLayout }[] = await this.dataSource.query(
      `WITH RECURSIVE above AS (
         SELECT id, parent_id FROM organizations WHERE id = $1
         UNION ALL SELECT o.id, o.parent_id FROM organizations o JOIN above a ON o.id = a.parent_id
       )
       SELECT l.id, l.name, l.layout FROM import_layouts l
       WHERE l.shared OR l.organization_id IN (SELECT id FROM above)
       ORDER BY l.updated_at DESC, l.id LIMIT ${MAX_APPLIED}`,
      [organizationId],
    );
    return rows.map((r) => ({ ...r.layout, id: r.id, name: r.name }));
  }

  /** What the reading says it applied, by the layouts it was given: a saved one with its id, the one tried with id null. */
  applied(keys: readonly string[], layouts: readonly NamedLayout[]): { id: string | null; name: string }[] {
    return keys.map((key) => {
      const layout = layouts.find((l) => (l.id ?? l.name) === key);
      return { id: layout?.id ?? null, name: layout?.name ?? key };
    });
  }

  /** Each table of an upload as read, with the header the reader would use (the organisation's layouts tried), for the mapping screen. */
  async grid(user: SessionUser, organizationId: string | undefined, sources: TablesInput): Promise<TableGridResult> {
    if (organizationId) await this.scope.assertReadable(user, organizationId);
    const layouts = await this.forImport(organizationId ?? user.organizationId);
    const tables = await readTables('tableGrids', sources, { layouts });
    return { tables, choices: [...columnChoices] };
  }

  /**
   * The upload's `layout` field: a mapping tried before it is saved, as JSON of a TableLayout
   * (with a `name`, if the clerk gave one). Anything that is not a usable layout is a 400 naming the field.
   */
  tried(field: unknown): NamedLayout | undefined {
    if (field === undefined) return undefined;
    let parsed: unknown = null;
    try {
      parsed = typeof field === 'string' ? JSON.parse(field) : null;
    } catch {
      // said below
    }
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
      throw badRequest('版式（layout）应为 JSON，例如 {"header": [["考核大类", "考核内容", "目标要求"]], "columns": ["level1", "name", "value"]}', [{ field: 'layout', message: '版式格式不对' }]);
    }
    const { header, columns, skipRows, name } = parsed as Partial<NamedLayout>;
    const layout = { header, columns, skipRows } as TableLayout;
    const fault = layoutFault(layout);
    if (fault) throw badRequest(`版式不能使用：${fault.message}`, [{ field: 'layout', message: fault.message }]);
    return { ...layout, skipRows: skipRows ?? 0, name: typeof name === 'string' && name.trim() ? name.trim().slice(0, 60) : UNSAVED };
  }

  /** A layout the user may change: one of an organisation in their scope (404 otherwise); a shared one only finance changes (403). */
  private async changeable(user: SessionUser, id: string): Promise<ImportLayout> {
    const found = await this.layouts.findOneBy({ id });
    const scope = await this.scope.of(user);
    if (!found || (!found.shared && !canRead(scope, found.organizationId))) throw new NotFoundException('未找到该版式，或您无权查看');
    if (found.shared && !hasPermission(user.role, 'importLayouts.share')) throw new ForbiddenException('共享的版式只有财政部门可以修改或删除');
    return found;
  }

  private async assertOrganization(user: SessionUser, organizationId: string): Promise<void> {
    await this.scope.assertReadable(user, organizationId);
    if (!(await this.dataSource.getRepository(Organization).existsBy({ id: organizationId }))) throw new NotFoundException('未找到该单位，或您无权查看');
  }

  private assertMayShare(user: SessionUser, shared: boolean): void {
    if (shared && !hasPermission(user.role, 'importLayouts.share')) throw new ForbiddenException('只有财政部门可以把版式共享给所有单位');
  }

  private async dto(id: string): Promise<ImportLayoutDto> {
    return toDto(await this.layouts.findOneOrFail({ where: { id }, relations: { organization: true } }));
  }
}

/** The name and the layout as stored, or a 400 with the sentence of what is wrong and its field. */
function checked(body: SaveImportLayoutRequest): { name: string; layout: TableLayout } {
  const name = body.name.trim();
  if (!name) throw badRequest('请填写版式名称', [{ field: 'name', message: '请填写版式名称' }]);
  const layout: TableLayout = { header: body.header, columns: body.columns, skipRows: body.skipRows ?? 0 };
  const fault = layoutFault(layout);
  if (fault) throw badRequest(`版式不能使用：${fault.message}`, [{ field: fault.field, message: fault.message }]);
  return { name, layout };
}

async function assertNameFree(db: EntityManager, organizationId: string, name: string, except?: string): Promise<void> {
  if (await db.existsBy(ImportLayout, { organizationId, name, ...(except ? { id: Not(except) } : {}) })) throw new ConflictException({ message: `已有同名版式“${name}”，请换一个名称`, errors: [{ field: 'name', message: '已有同名版式' }] });
}
