import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FiscalYearsModule } from '../fiscal-years/fiscal-years.module';
import { InboxModule } from '../inbox/inbox.module';
import { TargetsModule } from '../targets/targets.module';
import { BudgetCutInbox } from './budget-cut.inbox';
import { BudgetCutKind } from './budget-cut.kind';
import { BudgetCut } from './budget-cut.entity';
import { BudgetCutsController } from './budget-cuts.controller';
import { BudgetCutsService } from './budget-cuts.service';
import { MonitoringReportInbox } from './monitoring-report.inbox';
import { MonitoringReportKind } from './monitoring-report.kind';
import { MonitoringReport } from './monitoring-report.entity';
import { MonitoringReportsController } from './monitoring-reports.controller';
import { MonitoringReportsService } from './monitoring-reports.service';
import { MonitoringRound } from './monitoring-round.entity';
import { MonitoringRoundsController } from './monitoring-rounds.controller';
import { MonitoringRoundsService } from './monitoring-rounds.service';
import { MonitoringRow } from './monitoring-row.entity';
import { MonitoringTablesService } from './monitoring-tables.service';

/** 绩效运行监控 (SPEC §5): rounds, reports with their warnings, review on the chain, and what a red report leads to. */
@Module({
  imports: [TypeOrmModule.forFeature([MonitoringRound, MonitoringReport, MonitoringRow, BudgetCut]), InboxModule, TargetsModule, FiscalYearsModule],
  controllers: [MonitoringRoundsController, MonitoringReportsController, BudgetCutsController],
  providers: [MonitoringRoundsService, MonitoringReportsService, MonitoringReportKind, MonitoringReportInbox, BudgetCutsService, BudgetCutKind, BudgetCutInbox, MonitoringTablesService],
  exports: [MonitoringRoundsService, MonitoringReportsService],
})
export class MonitoringModule {}
