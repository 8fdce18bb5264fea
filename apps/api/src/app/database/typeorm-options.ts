import { IndicatorResult } from '../imports/indicator-result.entity';
import { ImportLayout } from '../imports/layouts/import-layout.entity';
import { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from '@pm/migrations';
import { AuditEntry } from '../audit/audit-entry.entity';
import { DepartmentTarget } from '../department-targets/department-target.entity';
import { FiscalYear } from '../fiscal-years/fiscal-year.entity';
import { LibraryEntry } from '../library/library-entry.entity';
import { Organization } from '../organizations/organization.entity';
import { Project } from '../projects/project.entity';
import { SettingsProfileRecord } from '../settings/settings-profile.entity';
import { DocumentVersion } from '../review/document-version.entity';
import { TargetIndicator } from '../targets/target-indicator.entity';
import { TargetSheet } from '../targets/target-sheet.entity';
import { User } from '../users/user.entity';
import { EvidenceContent, EvidenceFile } from '../evidence/evidence-file.entity';
import { BudgetCut } from '../monitoring/budget-cut.entity';
import { MonitoringReport } from '../monitoring/monitoring-report.entity';
import { MonitoringRound } from '../monitoring/monitoring-round.entity';
import { MonitoringRow } from '../monitoring/monitoring-row.entity';
import { DepartmentSelfEvaluation } from '../self-evaluation/department/department-self-evaluation.entity';
import { SelfEvaluationRound } from '../self-evaluation/self-evaluation-round.entity';
import { SelfEvaluationRow } from '../self-evaluation/self-evaluation-row.entity';
import { SelfEvaluation } from '../self-evaluation/self-evaluation.entity';
import { LoginFailure } from '../auth/sessions/login-failure.entity';
import { Session } from '../auth/sessions/session.entity';
import { preparingPg } from './preparing-pg';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export const ENTITIES = [Organization, User, FiscalYear, Project, TargetSheet, TargetIndicator, DocumentVersion, AuditEntry, SettingsProfileRecord, LibraryEntry, DepartmentTarget, IndicatorResult, MonitoringRound, MonitoringReport, MonitoringRow, BudgetCut, EvidenceFile, EvidenceContent, SelfEvaluationRound, SelfEvaluation, SelfEvaluationRow, DepartmentSelfEvaluation, Session, LoginFailure, ImportLayout];

/** One definition of the connection, shared by the app, the migration CLI and the tests. */
export function dataSourceOptions(databaseUrl: string): DataSourceOptions {
  return {
    type: 'postgres',
    url: databaseUrl,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsRun: true,
    migrationsTransactionMode: 'all',
    synchronize: false,
    namingStrategy: new SnakeNamingStrategy(),
    driver: preparingPg,
    extra: { max: 10, connectionTimeoutMillis: 5000 },
  };
}
