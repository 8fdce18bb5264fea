import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SessionUser, SheetCompareDto, SheetVersionDto } from '@pm/api-contract';
import { diffRows, ReviewGrade, SheetStatus } from '@pm/domain';
import { Repository } from 'typeorm';
import { ProjectsService } from '../projects/projects.service';
import { User } from '../users/user.entity';
import { SheetVersion } from './sheet-version.entity';
import { TargetSheet } from './target-sheet.entity';

@Injectable()
export class SheetVersionsService {
  constructor(
    @InjectRepository(SheetVersion) private readonly versions: Repository<SheetVersion>,
    @InjectRepository(TargetSheet) private readonly sheets: Repository<TargetSheet>,
    private readonly projects: ProjectsService,
  ) {}

  async list(user: SessionUser, projectId: string): Promise<SheetVersionDto[]> {
    const sheet = await this.sheetOf(user, projectId);
    if (!sheet) return [];
    const { entities, raw } = await this.versions
      .createQueryBuilder('v')
      .innerJoin(User, 'u', 'u.id = v.actor_id')
      .addSelect('u.display_name', 'actor_name')
      .where('v.sheet_id = :id', { id: sheet.id })
      .orderBy('v.number', 'ASC')
      .getRawAndEntities();
    return entities.map((v, i) => ({
      number: v.number,
      action: v.action,
      statusAfter: v.statusAfter as SheetStatus,
      actor: { id: v.actorId, displayName: raw[i].actor_name, role: v.actorRole },
      at: v.at.toISOString(),
      comment: v.comment,
      reviewGrade: v.reviewGrade as ReviewGrade | null,
      ratings: v.ratings,
      rowComments: v.rowComments,
    }));
  }

  /** Row-level diff of any two versions of the project's sheet. */
  async compare(user: SessionUser, projectId: string, from: number, to: number): Promise<SheetCompareDto> {
    const sheet = await this.sheetOf(user, projectId);
    const [a, b] = await Promise.all([from, to].map((number) => (sheet ? this.versions.findOneBy({ sheetId: sheet.id, number }) : null)));
    if (!a || !b) throw new NotFoundException('未找到要比较的版本');
    return { from, to, changes: diffRows(a.snapshot.indicators, b.snapshot.indicators) };
  }

  private async sheetOf(user: SessionUser, projectId: string): Promise<TargetSheet | null> {
    await this.projects.findVisible(user, projectId);
    return this.sheets.findOneBy({ projectId });
  }
}
