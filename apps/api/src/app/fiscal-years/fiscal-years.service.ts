import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { FiscalYearDto, SessionUser, UpdateFiscalYearRequest } from '@pm/api-contract';
import { Repository } from 'typeorm';
import { badRequest } from '../common/api-error';
import { SettingsService } from '../settings/settings.service';
import { FiscalYear } from './fiscal-year.entity';

const toDto = (f: FiscalYear): FiscalYearDto => ({ year: f.year, status: f.status, profileId: f.profileId, targetDeadline: f.targetDeadline });

@Injectable()
export class FiscalYearsService {
  constructor(
    @InjectRepository(FiscalYear) private readonly years: Repository<FiscalYear>,
    private readonly settings: SettingsService,
  ) {}

  async list(): Promise<FiscalYearDto[]> {
    return (await this.years.find({ order: { year: 'DESC' } })).map(toDto);
  }

  async create(year: number, actor: SessionUser): Promise<FiscalYearDto> {
    if (await this.years.existsBy({ year })) throw badRequest(`${year} 年度已存在`, [{ field: 'year', message: '年度已存在' }]);
    const profileId = await this.settings.defaultProfileId();
    return toDto(await this.years.save(this.years.create({ year, status: 'open', profileId, createdBy: actor.id, updatedBy: actor.id })));
  }

  async update(year: number, change: UpdateFiscalYearRequest, actor: SessionUser): Promise<FiscalYearDto> {
    const found = await this.years.findOneBy({ year });
    if (!found) throw new NotFoundException(`未找到 ${year} 年度`);
    if (change.profileId) {
      await this.settings.assertExists(change.profileId);
      found.profileId = change.profileId;
    }
    if (change.status) found.status = change.status;
    if (change.targetDeadline !== undefined) found.targetDeadline = change.targetDeadline;
    found.updatedBy = actor.id;
    return toDto(await this.years.save(found));
  }

  async assertExists(year: number): Promise<void> {
    if (!(await this.years.existsBy({ year }))) throw badRequest(`${year} 年度尚未设立，请联系管理员`, [{ field: 'fiscalYear', message: '年度不存在' }]);
  }

  /** New records go only into an existing, open year. */
  async assertOpen(year: number): Promise<void> {
    const found = await this.years.findOneBy({ year });
    if (!found) throw badRequest(`${year} 年度尚未设立，请联系管理员`, [{ field: 'fiscalYear', message: '年度不存在' }]);
    if (found.status !== 'open') throw badRequest(`${year} 年度已关闭，不能新增项目`, [{ field: 'fiscalYear', message: '年度已关闭' }]);
  }
}
