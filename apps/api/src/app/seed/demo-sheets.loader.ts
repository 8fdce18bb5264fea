import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionUser, TargetIndicatorDto } from '@pm/api-contract';
import { checkSheet, DEFAULT_PROFILE, normaliseComparator, normaliseIndicatorName, normaliseKind, parseTargetValue, suggestWeights } from '@pm/domain';
import { DataSource } from 'typeorm';
import { LibraryEntry } from '../library/library-entry.entity';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { TargetSheet } from '../targets/target-sheet.entity';
import { TargetSheetsService } from '../targets/target-sheets.service';
import { User } from '../users/user.entity';
import { DEMO_ORGANIZATIONS } from './demo-data';
import { DEMO_SHEET_STEPS } from './demo-sheet-states';
import { DEMO_SHEETS, DemoSheet } from './demo-sheets';

/** The published 2026 target sheets, quirks and all, loaded once and walked to their demo states. */
@Injectable()
export class DemoSheetsLoader {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly sheets: TargetSheetsService,
  ) {}

  async load(): Promise<void> {
    // the library is loaded last, so once it exists there is nothing left to do at start
    if ((await this.dataSource.getRepository(LibraryEntry).count()) > 0) return;
    const users = new Map((await this.dataSource.getRepository(User).find()).map((u) => [u.username, u]));
    const session = (username: string): SessionUser => {
      const u = users.get(username);
      if (!u) throw new Error(`demo user ${username} is missing`);
      return { id: u.id, username: u.username, displayName: u.displayName, role: u.role, organizationId: u.organizationId };
    };
    let loaded = 0;
    for (const demo of DEMO_SHEETS) {
      const project = await this.projectOf(demo);
      if (!project || (await this.dataSource.getRepository(TargetSheet).existsBy({ projectId: project.id }))) continue;
      const lead = demo.unit === 'zfb-bj' ? 'zfb.lead' : 'xfj.lead';
      await this.dataSource.getRepository(Project).update(project.id, { overallGoal: demo.goal });
      try {
        await this.sheets.save(session(lead), project.id, { version: 0, indicators: indicatorsOf(demo) });
        for (const step of DEMO_SHEET_STEPS[demo.project] ?? []) {
          const { as, action, ...body } = step as { as: string; action: 'submit' | 'approve' | 'return' | 'adjust'; grade?: string };
          const { grade, ...rest } = body;
          await this.sheets.transition(session(as), project.id, action, { ...rest, ...(grade ? { reviewGrade: grade as never } : {}) });
        }
        loaded++;
      } catch (error) {
        this.logger.warn({ msg: 'demo sheet not fully loaded', project: demo.project, error: String(error) });
      }
    }
    if (loaded) this.logger.log({ msg: 'demo target sheets loaded', sheets: loaded });
    await this.loadLibrary();
  }

  /** Every well-formed indicator of the seed tables becomes a 共性 library entry (once). */
  private async loadLibrary(): Promise<void> {
    const library = this.dataSource.getRepository(LibraryEntry);
    const seen = new Set<string>();
    const entries: Partial<LibraryEntry>[] = [];
    for (const demo of DEMO_SHEETS) {
      const rows = indicatorsOf(demo).map((r) => ({ ...r, level1: normaliseIndicatorName(r.level1), level2: normaliseIndicatorName(r.level2) }));
      const flawed = new Set(checkSheet(rows, DEFAULT_PROFILE).filter((c) => c.row !== null && ['name', 'level1', 'level2'].includes(c.field ?? '')).map((c) => c.row));
      rows.forEach((r, i) => {
        const key = `${r.level1}/${r.level2}/${r.name}`;
        if (flawed.has(i + 1) || seen.has(key)) return;
        seen.add(key);
        entries.push({ organizationId: null, level1: r.level1, level2: r.level2, name: r.name, comparator: r.comparator, unit: r.unit, kind: r.kind, content: r.content });
      });
    }
    await library.insert(entries);
    this.logger.log({ msg: 'indicator library loaded from the seed tables', entries: entries.length });
  }

  private async projectOf(demo: DemoSheet): Promise<Project | null> {
    const unitName = DEMO_ORGANIZATIONS.find((o) => o.key === demo.unit)?.name;
    const unit = await this.dataSource.getRepository(Organization).findOneBy({ name: unitName });
    if (!unit) return null;
    return this.dataSource.getRepository(Project).findOneBy({ fiscalYear: 2026, unitId: unit.id, name: demo.project });
  }
}

/** A published row → a sheet row: comparators and kinds normalised, weights from the suggested split. */
function indicatorsOf(demo: DemoSheet): TargetIndicatorDto[] {
  const weights = suggestWeights(demo.rows.map((r) => normaliseIndicatorName(r[0])), DEFAULT_PROFILE);
  return demo.rows.map(([level1, level2, name, comparator, value, unit, kind, content], i) => ({
    level1,
    level2,
    name,
    comparator: normaliseComparator(comparator),
    value,
    unit,
    // a row whose 指标属性 was cut off in the published text takes the kind its value shows
    kind: normaliseKind(kind) ?? parseTargetValue(value, { unit }).kind,
    content,
    basis: '',
    lastYearActual: null,
    weight: weights[i],
    scoringRule: '',
    evidence: '',
  }));
}
