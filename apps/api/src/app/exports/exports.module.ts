import { Module } from '@nestjs/common';
import { ProjectsModule } from '../projects/projects.module';
import { TargetsModule } from '../targets/targets.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({ imports: [TargetsModule, ProjectsModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
