import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FiscalYearsModule } from '../fiscal-years/fiscal-years.module';
import { InboxModule } from '../inbox/inbox.module';
import { SelfEvaluationInbox } from './self-evaluation.inbox';
import { SelfEvaluationKind } from './self-evaluation.kind';
import { SelfEvaluationRound } from './self-evaluation-round.entity';
import { SelfEvaluationRoundsService } from './self-evaluation-rounds.service';
import { SelfEvaluationRow } from './self-evaluation-row.entity';
import { SelfEvaluation } from './self-evaluation.entity';
import { SelfEvaluationRoundsController, SelfEvaluationsController } from './self-evaluations.controller';
import { SelfEvaluationsService } from './self-evaluations.service';
import { DepartmentSelfEvaluation } from './department/department-self-evaluation.entity';
import { DepartmentSelfEvaluationInbox } from './department/department-self-evaluation.inbox';
import { DepartmentSelfEvaluationKind } from './department/department-self-evaluation.kind';
import { DepartmentSelfEvaluationListController, DepartmentSelfEvaluationsController } from './department/department-self-evaluations.controller';
import { DepartmentSelfEvaluationsService } from './department/department-self-evaluations.service';
import { TargetsModule } from '../targets/targets.module';
import { PublishedYearService } from './published-year.service';
import { SelfEvaluationTablesService } from './self-evaluation-tables.service';
import { YearScoresController } from './year-scores.controller';
import { YearScoresService } from './year-scores.service';

/** 绩效自评 (SPEC §6): rounds, the scored 自评表 on the review chain, overrides, flags. */
@Module({
  imports: [TypeOrmModule.forFeature([SelfEvaluationRound, SelfEvaluation, SelfEvaluationRow, DepartmentSelfEvaluation]), InboxModule, FiscalYearsModule, TargetsModule],
  controllers: [SelfEvaluationRoundsController, SelfEvaluationsController, YearScoresController, DepartmentSelfEvaluationListController, DepartmentSelfEvaluationsController],
  providers: [SelfEvaluationRoundsService, SelfEvaluationsService, YearScoresService, SelfEvaluationTablesService, PublishedYearService, DepartmentSelfEvaluationsService, DepartmentSelfEvaluationKind, DepartmentSelfEvaluationInbox, SelfEvaluationKind, SelfEvaluationInbox],
  exports: [SelfEvaluationRoundsService, SelfEvaluationsService, PublishedYearService, DepartmentSelfEvaluationsService],
})
export class SelfEvaluationModule {}
