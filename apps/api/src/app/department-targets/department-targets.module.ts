import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxModule } from '../inbox/inbox.module';
import { Organization } from '../organizations/organization.entity';
import { DepartmentTarget } from './department-target.entity';
import { DepartmentTargetInbox } from './department-target.inbox';
import { DepartmentTargetKind } from './department-target.kind';
import { DepartmentTargetListController } from './department-target-list.controller';
import { DepartmentTargetsController } from './department-targets.controller';
import { DepartmentTargetsService } from './department-targets.service';

@Module({
  imports: [TypeOrmModule.forFeature([DepartmentTarget, Organization]), InboxModule],
  controllers: [DepartmentTargetsController, DepartmentTargetListController],
  providers: [DepartmentTargetsService, DepartmentTargetKind, DepartmentTargetInbox],
  exports: [DepartmentTargetsService],
})
export class DepartmentTargetsModule {}
