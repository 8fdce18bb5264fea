import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InboxModule } from '../inbox/inbox.module';
import { ProjectsModule } from '../projects/projects.module';
import { IndicatorRowsStore } from './indicator-rows.store';
import { SheetVersionsService } from './sheet-versions.service';
import { TargetIndicator } from './target-indicator.entity';
import { TargetSheet } from './target-sheet.entity';
import { TargetSheetInbox } from './target-sheet.inbox';
import { TargetSheetKind } from './target-sheet.kind';
import { TargetSheetsController } from './target-sheets.controller';
import { TargetSheetsService } from './target-sheets.service';

@Module({
  imports: [TypeOrmModule.forFeature([TargetSheet, TargetIndicator]), ProjectsModule, InboxModule],
  controllers: [TargetSheetsController],
  providers: [TargetSheetsService, TargetSheetKind, SheetVersionsService, IndicatorRowsStore, TargetSheetInbox],
  exports: [TargetSheetsService, TargetSheetKind, IndicatorRowsStore],
})
export class TargetsModule {}
