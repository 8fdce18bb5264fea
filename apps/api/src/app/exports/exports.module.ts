import { Module } from '@nestjs/common';
import { DepartmentTargetsModule } from '../department-targets/department-targets.module';
import { ProjectsModule } from '../projects/projects.module';
import { TargetsModule } from '../targets/targets.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({ imports: [TargetsModule, ProjectsModule, DepartmentTargetsModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
