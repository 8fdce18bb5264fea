import { Module, OnApplicationShutdown } from '@nestjs/common';
import { FiscalYearsModule } from '../fiscal-years/fiscal-years.module';
import { TargetsModule } from '../targets/targets.module';
import { ImportsController } from './imports.controller';
import { SelfEvaluationModule } from '../self-evaluation/self-evaluation.module';
import { ImportsService } from './imports.service';
import { closeTableReaders } from './workbook';

@Module({ imports: [TargetsModule, FiscalYearsModule, SelfEvaluationModule], controllers: [ImportsController], providers: [ImportsService], exports: [ImportsService] })
export class ImportsModule implements OnApplicationShutdown {
  /** The table readers' worker threads stop with the app. */
  onApplicationShutdown(): Promise<void> {
    return closeTableReaders();
  }
}
