import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { passwordProblem } from '@pm/domain';
import * as argon2 from 'argon2';
import { DataSource, EntityManager } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';
import { FiscalYear } from '../fiscal-years/fiscal-year.entity';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { User } from '../users/user.entity';
import { DEMO_FISCAL_YEARS, DEMO_ORGANIZATIONS, DEMO_PASSWORD, DEMO_PROJECTS_2026, DEMO_USERS } from './demo-data';
import { DemoDepartmentTargetsLoader } from './demo-department-targets.loader';
import { DemoSheetsLoader } from './demo-sheets.loader';
import { DemoMonitoringLoader } from './demo-monitoring.loader';
import { DemoSelfEvaluationLoader } from './demo-self-evaluation.loader';

/**
 * Runs at start after the migrations. Demo mode inserts what is missing of the demo data
 * (by natural key, so a second start changes nothing and user edits survive). Without
 * demo data, the first start creates one admin whose password comes from ADMIN_PASSWORD.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly demoSheets: DemoSheetsLoader,
    private readonly demoDepartmentTargets: DemoDepartmentTargetsLoader,
    private readonly demoMonitoring: DemoMonitoringLoader,
    private readonly demoSelfEvaluation: DemoSelfEvaluationLoader,
  ) {}

  async run(): Promise<void> {
    await this.dataSource.transaction(async (db) => {
      // One seeder at a time, even when several processes start together.
      await db.query('SELECT pg_advisory_xact_lock(4242001)');
      if (this.config.demoData) await this.loadDemo(db);
      else await this.ensureAdmin(db);
    });
    // Sheets go through the real services, which need the committed projects and users; a lock
    // held on its own connection keeps two processes starting together from filing the demo twice.
    if (this.config.demoData) {
      const lock = this.dataSource.createQueryRunner();
      await lock.connect();
      try {
        await lock.query('SELECT pg_advisory_lock(4242002)');
        await this.demoSheets.load();
        await this.demoDepartmentTargets.load();
        await this.demoMonitoring.load();
        await this.demoSelfEvaluation.load();
      } finally {
        await lock.query('SELECT pg_advisory_unlock(4242002)').catch(() => undefined);
        await lock.release();
      }
    }
  }

  private async loadDemo(db: EntityManager): Promise<void> {
    const ids = new Map<string, string>();
    let added = 0;
    for (const org of DEMO_ORGANIZATIONS) {
      const parentId = org.parent ? (ids.get(org.parent) as string) : null;
      let found = await db.findOneBy(Organization, { name: org.name });
      if (!found) {
        found = await db.save(db.create(Organization, { name: org.name, kind: org.kind, parentId, code: null }));
        added++;
      }
      ids.set(org.key, found.id);
    }
    const hash = await argon2.hash(DEMO_PASSWORD);
    for (const user of DEMO_USERS) {
      const exists = await db.createQueryBuilder(User, 'u').where('lower(u.username) = lower(:n)', { n: user.username }).getExists();
      if (exists) continue;
      await db.save(
        db.create(User, {
          username: user.username,
          displayName: user.displayName,
          role: user.role,
          organizationId: ids.get(user.organization) as string,
          passwordHash: hash,
          disabled: user.disabled ?? false,
        }),
      );
      added++;
    }
    for (const year of DEMO_FISCAL_YEARS) {
      if (await db.existsBy(FiscalYear, { year: year.year })) continue;
      await db.save(db.create(FiscalYear, year));
      added++;
    }
    for (const p of DEMO_PROJECTS_2026) {
      const unitId = ids.get(p.unit) as string;
      if (await db.existsBy(Project, { fiscalYear: 2026, unitId, name: p.name })) continue;
      await db.save(
        db.create(Project, {
          fiscalYear: 2026,
          unitId,
          code: p.code,
          name: p.name,
          category: p.category,
          level: p.level,
          fundsTotal: p.amount,
          fundsCurrentYearAppropriation: p.amount,
          fundsCarryOver: '0.00',
          fundsOther: '0.00',
          midTermYear1: p.midTerm ? p.amount : null,
          midTermYear2: p.midTerm ? p.amount : null,
          midTermYear3: p.midTerm ? p.amount : null,
        }),
      );
      added++;
    }
    this.logger.log({ msg: added ? 'demo data loaded' : 'demo data already present', added });
  }

  private async ensureAdmin(db: EntityManager): Promise<void> {
    if (await db.existsBy(User, { role: 'admin' })) return;
    const password = this.config.adminPassword;
    if (!password) throw new Error('DEMO_DATA=false and no admin exists yet: set ADMIN_PASSWORD for the first admin');
    const weak = passwordProblem(password);
    if (weak) throw new Error(`ADMIN_PASSWORD is too weak: ${weak}`);
    let finance = await db.findOneBy(Organization, { kind: 'finance' });
    finance ??= await db.save(db.create(Organization, { name: '财政局', kind: 'finance', parentId: null, code: null }));
    await db.save(
      db.create(User, {
        username: 'admin',
        displayName: '系统管理员',
        role: 'admin',
        organizationId: finance.id,
        passwordHash: await argon2.hash(password),
      }),
    );
    this.logger.log({ msg: 'created the first admin (username admin)' });
  }
}
