import { Module } from '@nestjs/common';
import { DepartmentTargetsModule } from '../department-targets/department-targets.module';
import { TargetsModule } from '../targets/targets.module';
import { DemoDepartmentTargetsLoader } from './demo-department-targets.loader';
import { DemoSheetsLoader } from './demo-sheets.loader';
import { SeedService } from './seed.service';

@Module({ imports: [TargetsModule, DepartmentTargetsModule], providers: [SeedService, DemoSheetsLoader, DemoDepartmentTargetsLoader], exports: [SeedService] })
export class SeedModule {}
