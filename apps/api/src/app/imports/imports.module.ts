import { Module, OnApplicationShutdown } from '@nestjs/common';
import { FiscalYearsModule } from '../fiscal-years/fiscal-years.module';
import { DepartmentTargetsModule } from '../department-targets/department-targets.module';
import { TargetsModule } from '../targets/targets.module';
import { ImportsController } from './imports.controller';
import { SelfEvaluationModule } from '../self-evaluation/self-evaluation.module';
import { DepartmentTargetImportService } from './department-target-import.service';
import { ImportsService } from './imports.service';
import { closeTableReaders } from './workbook';

@Module({ imports: [TargetsModule, FiscalYearsModule, SelfEvaluationModule, DepartmentTargetsModule], controllers: [ImportsController], providers: [ImportsService, DepartmentTargetImportService], exports: [ImportsService] })
export class ImportsModule implements OnApplicationShutdown {
  /** The table readers' worker threads stop with the app. */
  onApplicationShutdown(): Promise<void> {
    return closeTableReaders();
  }
}
