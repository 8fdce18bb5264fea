import { Module, OnApplicationShutdown } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FiscalYearsModule } from '../fiscal-years/fiscal-years.module';
import { DepartmentTargetsModule } from '../department-targets/department-targets.module';
import { TargetsModule } from '../targets/targets.module';
import { ImportsController } from './imports.controller';
import { SelfEvaluationModule } from '../self-evaluation/self-evaluation.module';
import { DepartmentTargetImportService } from './department-target-import.service';
import { ImportsService } from './imports.service';
import { ImportLayout } from './layouts/import-layout.entity';
import { ImportLayoutsController } from './layouts/import-layouts.controller';
import { ImportLayoutsService } from './layouts/import-layouts.service';
import { closeTableReaders } from './workbook';

@Module({
  imports: [TargetsModule, FiscalYearsModule, SelfEvaluationModule, DepartmentTargetsModule, TypeOrmModule.forFeature([ImportLayout])],
  controllers: [ImportsController, ImportLayoutsController],
  providers: [ImportsService, DepartmentTargetImportService, ImportLayoutsService],
  exports: [ImportsService],
})
export class ImportsModule implements OnApplicationShutdown {
  /** The table readers' worker threads stop with the app. */
  onApplicationShutdown(): Promise<void> {
    return closeTableReaders();
  }
}
