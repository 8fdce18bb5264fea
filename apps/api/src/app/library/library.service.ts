import { containsPattern } from '../common/text';
import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CreateLibraryEntryRequest, LibraryEntryDto, SessionUser } from '@pm/api-contract';
import { Comparator, IndicatorKind, level2Allowed, normaliseIndicatorName } from '@pm/domain';
import { Brackets, Repository } from 'typeorm';
import { ScopeService } from '../access/scope.service';
import { badRequest } from '../common/api-error';
import { LibraryEntry } from './library-entry.entity';

export const toLibraryDto = (e: LibraryEntry): LibraryEntryDto => ({
  id: e.id,
  scope: e.organizationId ? '个性' : '共性',
  organizationId: e.organizationId,
  level1: e.level1,
  level2: e.level2,
  name: e.name,
  comparator: e.comparator as Comparator | null,
  unit: e.unit,
  kind: e.kind as IndicatorKind,
  content: e.content,
});

/**
 * 指标库: everyone sees the 共性 entries and their own department's 个性 ones (finance and admin
 * see all). Finance curates 共性, a department reviewer the department's 个性.
 */
@Injectable()
export class LibraryService {
  constructor(
    @InjectRepository(LibraryEntry) private readonly entries: Repository<LibraryEntry>,
    private readonly scope: ScopeService,
  ) {}

  async search(user: SessionUser, filter: { q?: string; level1?: string }): Promise<LibraryEntryDto[]> {
    const query = this.entries.createQueryBuilder('e');
    if (user.role === 'project_lead' || user.role === 'department_reviewer') {
      const department = await this.scope.departmentOf(user);
      query.andWhere(new Brackets((w) => w.where('e.organization_id IS NULL').orWhere('e.organization_id = :department', { department })));
    }
    const q = filter.q?.trim();
    if (q) query.andWhere('(e.name ILIKE :q OR e.content ILIKE :q)', { q: containsPattern(q) });
    if (filter.level1) query.andWhere('e.level1 = :level1', { level1: normaliseIndicatorName(filter.level1) });
    const rows = await query.orderBy('e.organization_id IS NULL', 'DESC').addOrderBy('e.level1').addOrderBy('e.level2').addOrderBy('e.name').limit(200).getMany();
    return rows.map(toLibraryDto);
  }

  async create(user: SessionUser, body: CreateLibraryEntryRequest): Promise<LibraryEntryDto> {
    const organizationId = user.role === 'finance_reviewer' ? null : await this.scope.departmentOf(user);
    if (user.role !== 'finance_reviewer' && !organizationId) throw new ForbiddenException('只有财政部门或主管部门可以维护指标库');
    const level1 = normaliseIndicatorName(body.level1);
    const level2 = normaliseIndicatorName(body.level2);
    if (!level2Allowed(level1, level2)) throw badRequest(`二级指标“${level2}”不能放在“${level1}”下`, [{ field: 'level2', message: '一级、二级指标不匹配' }]);
    const name = body.name.trim();
    const exists = await this.entries
      .createQueryBuilder('e')
      .where(organizationId ? 'e.organization_id = :organizationId' : 'e.organization_id IS NULL', { organizationId })
      .andWhere('e.level1 = :level1 AND e.level2 = :level2 AND e.name = :name', { level1, level2, name })
      .getExists();
    if (exists) throw badRequest(`指标库中已有“${level1} › ${level2} › ${name}”`);
    const saved = await this.entries.save(
      this.entries.create({ organizationId, level1, level2, name, comparator: body.comparator, unit: body.unit.trim(), kind: body.kind, content: body.content.trim(), createdBy: user.id, updatedBy: user.id }),
    );
    return toLibraryDto(saved);
  }

  async remove(user: SessionUser, id: string): Promise<void> {
    const entry = await this.entries.findOneBy({ id });
    if (!entry) throw new NotFoundException('未找到该指标');
    const owner = user.role === 'finance_reviewer' ? null : await this.scope.departmentOf(user);
    if (entry.organizationId !== owner) throw new ForbiddenException('只能删除本部门维护的指标');
    await this.entries.delete({ id });
  }
}
