import { ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { FiscalYearDto, SessionUser, UpdateFiscalYearRequest } from '@pm/api-contract';
import { hasPermission } from '@pm/domain';
import { DataSource, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { ChangeFeed } from '../database/change-feed.service';
import { SettingsService } from '../settings/settings.service';
import { FiscalYear } from './fiscal-year.entity';

const FIELD_LABELS = { status: '状态', profileId: '参数方案', targetDeadline: '申报截止日期' } as const;

/** Years are keyed by their number; the audit log keys entities by uuid, so a year gets a fixed one (2026 → …000000002026). */
export const yearEntityId = (year: number) => `00000000-0000-0000-0000-${String(year).padStart(12, '0')}`;

const toDto = (f: FiscalYear): FiscalYearDto => ({ year: f.year, status: f.status, profileId: f.profileId, targetDeadline: f.targetDeadline });

@Injectable()
export class FiscalYearsService {
  constructor(
    @InjectRepository(FiscalYear) private readonly years: Repository<FiscalYear>,
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feed: ChangeFeed,
  ) {}

  async list(): Promise<FiscalYearDto[]> {
    return (await this.years.find({ order: { year: 'DESC' } })).map(toDto);
  }

  async create(year: number, actor: SessionUser): Promise<FiscalYearDto> {
    if (await this.years.existsBy({ year })) throw badRequest(`${year} 年度已存在`, [{ field: 'year', message: '年度已存在' }]);
    const profileId = await this.settings.defaultProfileId();
    const created = await this.years.save(this.years.create({ year, status: 'open', profileId, createdBy: actor.id, updatedBy: actor.id }));
    this.feed.changed('fiscal_years');
    return toDto(created);
  }

  /**
   * The administrator opens and closes years and sets the target deadline; finance (who keeps the
   * profiles) chooses a year's profile. Either change is audited; stored scores are not touched.
   */
  async update(year: number, change: UpdateFiscalYearRequest, actor: SessionUser): Promise<FiscalYearDto> {
    const found = await this.years.findOneBy({ year });
    if (!found) throw new NotFoundException(`未找到 ${year} 年度`);
    if ((change.status !== undefined || change.targetDeadline !== undefined) && !hasPermission(actor.role, 'fiscalYears.manage')) throw new ForbiddenException('只有管理员可以开启、关闭年度或设置申报截止日期');
    if (change.profileId !== undefined && !hasPermission(actor.role, 'settings.manage') && !hasPermission(actor.role, 'fiscalYears.manage')) throw new ForbiddenException('只有财政可以更换年度的参数方案');
    const before = { ...found };
    if (change.profileId) {
      await this.settings.assertExists(change.profileId);
      found.profileId = change.profileId;
    }
    if (change.status) found.status = change.status;
    if (change.targetDeadline !== undefined) found.targetDeadline = change.targetDeadline;
    found.updatedBy = actor.id;
    const saved = await this.dataSource.transaction(async (db) => {
      const result = await db.save(FiscalYear, found);
      const changes = (['status', 'profileId', 'targetDeadline'] as const).filter((k) => before[k] !== found[k]);
      await this.audit.record(db, actor, changes.map((k) => ({ entity: 'fiscal_year', entityId: yearEntityId(year), organizationId: null, action: 'update', field: `${year} 年度 ${FIELD_LABELS[k]}`, oldValue: before[k] ?? null, newValue: found[k] ?? null })));
      return result;
    });
    this.feed.changed('fiscal_years');
    return toDto(saved);
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
