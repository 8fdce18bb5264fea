import { Module, OnApplicationShutdown } from '@nestjs/common';
import { DepartmentTargetsModule } from '../department-targets/department-targets.module';
import { ProjectsModule } from '../projects/projects.module';
import { TargetsModule } from '../targets/targets.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { closeWorkbookBuilders } from './workbooks';

@Module({
  imports: [TargetsModule, ProjectsModule, DepartmentTargetsModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule implements OnApplicationShutdown {
  /** The workbook builders' worker threads stop with the app. */
  onApplicationShutdown(): Promise<void> {
    return closeWorkbookBuilders();
  }
}
