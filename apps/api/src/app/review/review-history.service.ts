import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { DocumentVersionDto } from '@pm/api-contract';
import { ReviewGrade } from '@pm/domain';
import { Repository } from 'typeorm';
import { User } from '../users/user.entity';
import { DocumentVersion } from './document-version.entity';

/** Reads the one version history: a document's versions in order, or one of them. */
@Injectable()
export class ReviewHistory {
  constructor(@InjectRepository(DocumentVersion) private readonly versions: Repository<DocumentVersion>) {}

  async list(kind: string, documentId: string): Promise<DocumentVersionDto[]> {
    const { entities, raw } = await this.versions
      .createQueryBuilder('v')
      .innerJoin(User, 'u', 'u.id = v.actor_id')
      .addSelect('u.display_name', 'actor_name')
      .where('v.document_kind = :kind AND v.document_id = :documentId', { kind, documentId })
      .orderBy('v.number', 'ASC')
      .getRawAndEntities();
    return entities.map((v, i) => ({
      number: v.number,
      action: v.action,
      statusAfter: v.statusAfter,
      actor: { id: v.actorId, displayName: raw[i].actor_name, role: v.actorRole },
      at: v.at.toISOString(),
      comment: v.comment,
      reviewGrade: v.reviewGrade as ReviewGrade | null,
      ratings: v.ratings,
      rowComments: v.rowComments,
    }));
  }

  find(kind: string, documentId: string, number: number): Promise<DocumentVersion | null> {
    return this.versions.findOneBy({ documentKind: kind, documentId, number });
  }

  byId(id: string | null): Promise<DocumentVersion | null> {
    return id ? this.versions.findOneBy({ id }) : Promise.resolve(null);
  }
}
