import { DynamicModule, Module } from '@nestjs/common';
import { AccessModule } from './access/access.module';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { AppConfig } from './config/app-config';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { DepartmentTargetsModule } from './department-targets/department-targets.module';
import { ExportsModule } from './exports/exports.module';
import { ImportsModule } from './imports/imports.module';
import { FiscalYearsModule } from './fiscal-years/fiscal-years.module';
import { HealthModule } from './health/health.module';
import { InboxModule } from './inbox/inbox.module';
import { LibraryModule } from './library/library.module';
import { EvidenceModule } from './evidence/evidence.module';
import { MonitoringModule } from './monitoring/monitoring.module';
import { SelfEvaluationModule } from './self-evaluation/self-evaluation.module';
import { OrganizationsModule } from './organizations/organizations.module';
import { ProjectsModule } from './projects/projects.module';
import { ReviewModule } from './review/review.module';
import { SeedModule } from './seed/seed.module';
import { SettingsModule } from './settings/settings.module';
import { TargetsModule } from './targets/targets.module';
import { UsersModule } from './users/users.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        DatabaseModule,
        AccessModule,
        AuthModule,
        HealthModule,
        OrganizationsModule,
        UsersModule,
        SettingsModule,
        FiscalYearsModule,
        ProjectsModule,
        AuditModule,
        ReviewModule,
        TargetsModule,
        DepartmentTargetsModule,
        EvidenceModule,
        MonitoringModule,
        SelfEvaluationModule,
        ImportsModule,
        ExportsModule,
        InboxModule,
        LibraryModule,
        SeedModule,
      ],
    };
  }
}
