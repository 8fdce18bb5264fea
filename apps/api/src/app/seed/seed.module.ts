import { Module } from '@nestjs/common';
import { DepartmentTargetsModule } from '../department-targets/department-targets.module';
import { TargetsModule } from '../targets/targets.module';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { ImportsModule } from '../imports/imports.module';
import { SelfEvaluationModule } from '../self-evaluation/self-evaluation.module';
import { DemoSelfEvaluationLoader } from './demo-self-evaluation.loader';
import { DemoMonitoringLoader } from './demo-monitoring.loader';
import { DemoDepartmentTargetsLoader } from './demo-department-targets.loader';
import { DemoSheetsLoader } from './demo-sheets.loader';
import { SeedService } from './seed.service';

@Module({ imports: [TargetsModule, DepartmentTargetsModule, MonitoringModule, ImportsModule, SelfEvaluationModule], providers: [SeedService, DemoSheetsLoader, DemoDepartmentTargetsLoader, DemoMonitoringLoader, DemoSelfEvaluationLoader], exports: [SeedService] })
export class SeedModule {}
