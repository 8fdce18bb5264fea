import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { SettingsProfileDto } from '@pm/api-contract';
import { DEFAULT_PROFILE, SettingsProfile } from '@pm/domain';
import { Repository } from 'typeorm';
import { FiscalYear } from '../fiscal-years/fiscal-year.entity';
import { SettingsProfileRecord } from './settings-profile.entity';

const toProfile = (r: SettingsProfileRecord): SettingsProfile => ({ ...DEFAULT_PROFILE, ...r.parameters, name: r.name });

/** The rules of a fiscal year come from its profile; a year without one uses the default profile. */
@Injectable()
export class SettingsService {
  constructor(
    @InjectRepository(SettingsProfileRecord) private readonly profiles: Repository<SettingsProfileRecord>,
    @InjectRepository(FiscalYear) private readonly years: Repository<FiscalYear>,
  ) {}

  async list(): Promise<SettingsProfileDto[]> {
    return (await this.profiles.find({ order: { isDefault: 'DESC', name: 'ASC' } })).map((r) => ({ id: r.id, isDefault: r.isDefault, profile: toProfile(r) }));
  }

  /** The year's profile with its id (null when the year falls back to the built-in default). */
  async profileRecordForYear(year: number): Promise<{ id: string | null; profile: SettingsProfile }> {
    const fiscalYear = await this.years.findOne({ where: { year }, relations: { profile: true } });
    if (fiscalYear?.profile) return { id: fiscalYear.profile.id, profile: toProfile(fiscalYear.profile) };
    const fallback = await this.profiles.findOneBy({ isDefault: true });
    return fallback ? { id: fallback.id, profile: toProfile(fallback) } : { id: null, profile: DEFAULT_PROFILE };
  }

  async profileForYear(year: number): Promise<SettingsProfile> {
    const fiscalYear = await this.years.findOne({ where: { year }, relations: { profile: true } });
    if (fiscalYear?.profile) return toProfile(fiscalYear.profile);
    const fallback = await this.profiles.findOneBy({ isDefault: true });
    return fallback ? toProfile(fallback) : DEFAULT_PROFILE;
  }

  async defaultProfileId(): Promise<string | null> {
    return (await this.profiles.findOneBy({ isDefault: true }))?.id ?? null;
  }

  async assertExists(id: string): Promise<void> {
    if (!(await this.profiles.existsBy({ id }))) throw new NotFoundException('未找到该参数方案');
  }
}
