import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { SessionUser, SettingsProfileDto } from '@pm/api-contract';
import { DEFAULT_PROFILE, profileProblems, SettingsProfile } from '@pm/domain';
import { DataSource, Not, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { badRequest } from '../common/api-error';
import { CachedMap, ChangeFeed } from '../database/change-feed.service';
import { FiscalYear } from '../fiscal-years/fiscal-year.entity';
import { SettingsProfileRecord } from './settings-profile.entity';

const toProfile = (r: SettingsProfileRecord): SettingsProfile => ({ ...DEFAULT_PROFILE, ...r.parameters, name: r.name });
function parametersOf(profile: SettingsProfile): Omit<SettingsProfile, 'name'> {
  const parameters: Partial<SettingsProfile> = { ...profile };
  delete parameters.name;
  return parameters as Omit<SettingsProfile, 'name'>;
}

/** The rules of a fiscal year come from its profile; a year without one uses the default profile. */
@Injectable()
export class SettingsService {
  /** Each year's profile as read last, frozen (shared by every request) until a profile or a year changes. */
  private readonly yearProfiles: CachedMap<number, SettingsProfile>;

  constructor(
    private readonly feed: ChangeFeed,
    @InjectRepository(SettingsProfileRecord) private readonly profiles: Repository<SettingsProfileRecord>,
    @InjectRepository(FiscalYear) private readonly years: Repository<FiscalYear>,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {
    this.yearProfiles = new CachedMap(feed, ['settings_profiles', 'fiscal_years'], async (year) => deepFreeze(await this.loadProfileForYear(year)));
  }

  async profile(id: string): Promise<SettingsProfile> {
    const found = await this.profiles.findOneBy({ id });
    if (!found) throw new NotFoundException('未找到该参数方案');
    return toProfile(found);
  }

  /** A new profile, checked whole (SPEC §8); nothing is scored with it until a year chooses it. */
  async create(user: SessionUser, profile: SettingsProfile): Promise<SettingsProfileDto> {
    const clean = await this.checked(profile);
    const id = await this.dataSource.transaction(async (db) => {
      const saved = await db.save(SettingsProfileRecord, { name: clean.name, isDefault: false, parameters: parametersOf(clean), createdBy: user.id, updatedBy: user.id });
      await this.audit.record(db, user, [{ entity: 'settings_profile', entityId: saved.id, organizationId: null, action: 'create', field: '参数方案', newValue: clean.name }]);
      return saved.id;
    });
    this.feed.changed('settings_profiles');
    return this.dto(id);
  }

  /**
   * A changed profile. Stored scores keep the parameters they were computed with; only evaluations
   * opened later, or drafts rescored explicitly, use the new values. Each changed parameter is audited.
   */
  async update(user: SessionUser, id: string, profile: SettingsProfile): Promise<SettingsProfileDto> {
    const found = await this.profiles.findOneBy({ id });
    if (!found) throw new NotFoundException('未找到该参数方案');
    const clean = await this.checked(profile, id);
    const before = toProfile(found);
    const changed = (Object.keys(clean) as (keyof SettingsProfile)[]).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(clean[k]));
    await this.dataSource.transaction(async (db) => {
      await db.update(SettingsProfileRecord, { id }, { name: clean.name, parameters: parametersOf(clean), updatedBy: user.id });
      await this.audit.record(db, user, changed.map((k) => ({ entity: 'settings_profile', entityId: id, organizationId: null, action: 'update', field: k, oldValue: JSON.stringify(before[k]).slice(0, 500), newValue: JSON.stringify(clean[k]).slice(0, 500) })));
    });
    this.feed.changed('settings_profiles');
    return this.dto(id);
  }

  private async dto(id: string): Promise<SettingsProfileDto> {
    const r = await this.profiles.findOneByOrFail({ id });
    return { id: r.id, isDefault: r.isDefault, profile: toProfile(r) };
  }

  private async checked(profile: SettingsProfile, id?: string): Promise<SettingsProfile> {
    // only the parameters a profile has; a missing one takes the default, an unknown key is dropped
    const given = profile as unknown as Record<string, unknown>;
    const clean = Object.fromEntries(Object.entries(DEFAULT_PROFILE).map(([k, v]) => [k, given[k] ?? v])) as unknown as SettingsProfile;
    if (typeof clean.name === 'string') clean.name = clean.name.trim();
    const problems = profileProblems(clean);
    if (problems.length) throw badRequest(`参数方案有 ${problems.length} 处需要修改：${problems[0].message}`, problems.map((p) => ({ field: `profile.${p.field}`, message: p.message })));
    if (await this.profiles.existsBy({ name: clean.name, ...(id ? { id: Not(id) } : {}) })) throw new ConflictException(`已有名为“${clean.name}”的参数方案，请换一个名称`);
    return clean;
  }

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

  profileForYear(year: number): Promise<SettingsProfile> {
    return this.yearProfiles.get(year);
  }

  private async loadProfileForYear(year: number): Promise<SettingsProfile> {
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

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
