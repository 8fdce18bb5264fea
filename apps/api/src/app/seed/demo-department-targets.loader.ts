import { Injectable, Logger } from '@nestjs/common';
import { demoSession } from './demo-session';
import { InjectDataSource } from '@nestjs/typeorm';
import { SessionUser } from '@pm/api-contract';
import { normaliseComparator } from '@pm/domain';
import { DataSource } from 'typeorm';
import { DepartmentTarget } from '../department-targets/department-target.entity';
import { DepartmentTargetsService } from '../department-targets/department-targets.service';
import { Organization } from '../organizations/organization.entity';
import { DEMO_DEPARTMENT_TARGETS } from './demo-department-targets';

/** The demo departments' 2026 overall targets, saved and walked to their demo states through the real service. */
@Injectable()
export class DemoDepartmentTargetsLoader {
  private readonly logger = new Logger('Seed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly targets: DepartmentTargetsService,
  ) {}

  async load(): Promise<void> {
    let loaded = 0;
    for (const demo of DEMO_DEPARTMENT_TARGETS) {
      const department = await this.dataSource.getRepository(Organization).findOneBy({ name: demo.department, kind: 'department' });
      if (!department || (await this.dataSource.getRepository(DepartmentTarget).existsBy({ departmentId: department.id, fiscalYear: 2026 }))) continue;
      try {
        const author = demo.steps[0].as;
        const indicators = demo.rows.map(([level1, level2, name, comparator, value, unit]) => ({
          level1, level2, name, comparator: normaliseComparator(comparator), value, unit, kind: '定量' as const,
          content: '', basis: '', lastYearActual: null, weight: null, scoringRule: '', evidence: '',
        }));
        const saved = await this.targets.save(await this.session(author), department.id, 2026, { version: 0, duties: demo.duties, tasks: demo.tasks, budget: demo.budget, indicators });
        let version = saved.version;
        for (const step of demo.steps) {
          const action = step.action as 'submit' | 'approve' | 'return';
          version = (await this.targets.transition(await this.session(step.as), department.id, 2026, action, { version, comment: 'comment' in step ? step.comment : undefined })).version;
        }
        loaded++;
      } catch (error) {
        this.logger.warn({ msg: 'demo department target not fully loaded', department: demo.department, error: String(error) });
      }
    }
    if (loaded) this.logger.log({ msg: 'demo department targets loaded', targets: loaded });
  }

  private session(username: string): Promise<SessionUser> {
    return demoSession(this.dataSource, username);
  }
}
