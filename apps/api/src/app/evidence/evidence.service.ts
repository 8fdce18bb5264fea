import { ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EvidenceFileDto, SessionUser } from '@pm/api-contract';
import { EVIDENCE_TYPES_TEXT, evidenceTypeOf } from '@pm/domain';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { User } from '../users/user.entity';
import { EvidenceFile } from './evidence-file.entity';
import { EVIDENCE_STORAGE, EvidenceStorage } from './evidence-storage';

/** The document an evidence file belongs to, and who may change its files now (the document's kind decides). */
export interface EvidenceOwner {
  /** Throws (403/409) when the user may not add or remove files of this document now; answers its organisation. */
  assertChangeable(user: SessionUser, documentId: string): Promise<string>;
}

export const MAX_EVIDENCE_BYTES = 20 * 1024 * 1024;

/**
 * 佐证资料 (SPEC §9): files on a document or on one of its indicators, type checked by content and
 * size-limited, stored behind EvidenceStorage. Each document kind registers how its files may change.
 */
@Injectable()
export class EvidenceService {
  private readonly owners = new Map<string, EvidenceOwner>();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(EVIDENCE_STORAGE) private readonly storage: EvidenceStorage,
    private readonly scope: ScopeService,
    private readonly audit: AuditService,
  ) {}

  registerOwner(kind: string, owner: EvidenceOwner): void {
    this.owners.set(kind, owner);
  }

  async attach(user: SessionUser, target: { kind: string; documentId: string; indicatorId: string | null }, file: { name: string; content: Buffer }): Promise<EvidenceFileDto> {
    const organizationId = await this.owner(target.kind).assertChangeable(user, target.documentId);
    if (file.content.length === 0) throw badRequest('上传的文件是空的');
    if (file.content.length > MAX_EVIDENCE_BYTES) throw badRequest('佐证资料每个文件不超过 20 MB');
    const type = evidenceTypeOf(file.content);
    if (!type) throw badRequest(`“${file.name}”不是可接受的佐证资料：请上传 ${EVIDENCE_TYPES_TEXT}`, [{ field: 'file', message: '文件类型不支持' }]);
    const name = [...file.name].map((c) => (c === '/' || c === '\\' || c.charCodeAt(0) < 32 ? '_' : c)).join('').slice(0, 255) || '佐证资料';
    const saved = await this.dataSource.transaction(async (db) => {
      const record = await db.save(
        db.create(EvidenceFile, {
          documentKind: target.kind,
          documentId: target.documentId,
          indicatorId: target.indicatorId,
          organizationId,
          fileName: name,
          contentType: type.contentType,
          size: file.content.length,
          sha256: createHash('sha256').update(file.content).digest('hex'),
          storage: this.storage.name,
          createdBy: user.id,
          updatedBy: user.id,
        }),
      );
      await this.storage.put(db, record.id, file.content);
      await this.audit.record(db, user, [{ entity: target.kind, entityId: target.documentId, organizationId, action: 'evidence_add', field: name, newValue: `${type.label}，${file.content.length} 字节` }]);
      return record;
    });
    return (await this.list(target.kind, target.documentId)).find((e) => e.id === saved.id) as EvidenceFileDto;
  }

  async list(kind: string, documentId: string, db: EntityManager = this.dataSource.manager): Promise<EvidenceFileDto[]> {
    const { entities, raw } = await db
      .createQueryBuilder(EvidenceFile, 'e')
      .leftJoin(User, 'u', 'u.id = e.created_by')
      .addSelect('u.display_name', 'uploader')
      .where('e.document_kind = :kind AND e.document_id = :documentId', { kind, documentId })
      .orderBy('e.created_at', 'ASC')
      .getRawAndEntities();
    return entities.map((e, i) => ({ id: e.id, indicatorId: e.indicatorId, fileName: e.fileName, contentType: e.contentType, size: e.size, uploadedAt: e.createdAt.toISOString(), uploadedBy: raw[i].uploader ?? null }));
  }

  /** The file's bytes for anyone who may read its document (404 otherwise). */
  async download(user: SessionUser, id: string): Promise<{ file: EvidenceFile; content: Buffer }> {
    const file = await this.dataSource.getRepository(EvidenceFile).findOneBy({ id });
    if (!file) throw new NotFoundException('未找到该佐证资料');
    await this.scope.assertReadable(user, file.organizationId);
    const content = await this.storage.get(this.dataSource.manager, id);
    if (!content) throw new NotFoundException('该佐证资料的内容已不存在');
    return { file, content };
  }

  async remove(user: SessionUser, id: string): Promise<void> {
    const file = await this.dataSource.getRepository(EvidenceFile).findOneBy({ id });
    if (!file) throw new NotFoundException('未找到该佐证资料');
    await this.scope.assertReadable(user, file.organizationId);
    await this.owner(file.documentKind).assertChangeable(user, file.documentId);
    await this.dataSource.transaction(async (db) => {
      await this.storage.remove(db, id);
      await db.delete(EvidenceFile, { id });
      await this.audit.record(db, user, [{ entity: file.documentKind, entityId: file.documentId, organizationId: file.organizationId, action: 'evidence_remove', field: file.fileName }]);
    });
  }

  private owner(kind: string): EvidenceOwner {
    const owner = this.owners.get(kind);
    if (!owner) throw new ForbiddenException('该类文档不能上传佐证资料');
    return owner;
  }
}
