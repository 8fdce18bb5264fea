import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organization } from '../organizations/organization.entity';
import { DepartmentTargetVersion } from './department-target-version.entity';
import { DepartmentTarget } from './department-target.entity';
import { DepartmentTargetListController } from './department-target-list.controller';
import { DepartmentTargetsController } from './department-targets.controller';
import { DepartmentTargetsService } from './department-targets.service';

@Module({
  imports: [TypeOrmModule.forFeature([DepartmentTarget, DepartmentTargetVersion, Organization])],
  controllers: [DepartmentTargetsController, DepartmentTargetListController],
  providers: [DepartmentTargetsService],
  exports: [DepartmentTargetsService],
})
export class DepartmentTargetsModule {}
