import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ProjectsModule } from '../projects/projects.module';
import { SheetTransitionsService } from './sheet-transitions.service';
import { SheetVersion } from './sheet-version.entity';
import { SheetVersionsService } from './sheet-versions.service';
import { TargetIndicator } from './target-indicator.entity';
import { TargetSheet } from './target-sheet.entity';
import { TargetSheetsController } from './target-sheets.controller';
import { TargetSheetsService } from './target-sheets.service';

@Module({
  imports: [TypeOrmModule.forFeature([TargetSheet, TargetIndicator, SheetVersion]), ProjectsModule],
  controllers: [TargetSheetsController],
  providers: [TargetSheetsService, SheetTransitionsService, SheetVersionsService],
  exports: [TargetSheetsService, SheetTransitionsService],
})
export class TargetsModule {}
