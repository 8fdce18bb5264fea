import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SessionUser, SheetCompareDto, SheetVersionDto } from '@pm/api-contract';
import { diffRows, TARGET_SHEET_CHAIN } from '@pm/domain';
import { Repository } from 'typeorm';
import { ProjectsService } from '../projects/projects.service';
import { ReviewHistory } from '../review/review-history.service';
import { SheetSnapshot } from './sheet-snapshot';
import { TargetSheet } from './target-sheet.entity';

/** A sheet's versions from the one history, and the row-level difference of any two. */
@Injectable()
export class SheetVersionsService {
  constructor(
    @InjectRepository(TargetSheet) private readonly sheets: Repository<TargetSheet>,
    private readonly projects: ProjectsService,
    private readonly history: ReviewHistory,
  ) {}

  async list(user: SessionUser, projectId: string): Promise<SheetVersionDto[]> {
    const sheet = await this.sheetOf(user, projectId);
    return sheet ? this.history.list(TARGET_SHEET_CHAIN.kind, sheet.id) : [];
  }

  async compare(user: SessionUser, projectId: string, from: number, to: number): Promise<SheetCompareDto> {
    const sheet = await this.sheetOf(user, projectId);
    const [a, b] = await Promise.all([from, to].map((number) => (sheet ? this.history.find(TARGET_SHEET_CHAIN.kind, sheet.id, number) : null)));
    if (!a || !b) throw new NotFoundException('未找到要比较的版本');
    return { from, to, changes: diffRows((a.snapshot as SheetSnapshot).indicators, (b.snapshot as SheetSnapshot).indicators) };
  }

  private async sheetOf(user: SessionUser, projectId: string): Promise<TargetSheet | null> {
    await this.projects.findVisible(user, projectId);
    return this.sheets.findOneBy({ projectId });
  }
}
