import { Module } from '@nestjs/common';
import { DepartmentTargetsModule } from '../department-targets/department-targets.module';
import { TargetsModule } from '../targets/targets.module';
import { MonitoringModule } from '../monitoring/monitoring.module';
import { DemoMonitoringLoader } from './demo-monitoring.loader';
import { DemoDepartmentTargetsLoader } from './demo-department-targets.loader';
import { DemoSheetsLoader } from './demo-sheets.loader';
import { SeedService } from './seed.service';

@Module({ imports: [TargetsModule, DepartmentTargetsModule, MonitoringModule], providers: [SeedService, DemoSheetsLoader, DemoDepartmentTargetsLoader, DemoMonitoringLoader], exports: [SeedService] })
export class SeedModule {}
