import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FiscalYear } from '../fiscal-years/fiscal-year.entity';
import { SettingsController } from './settings.controller';
import { SettingsProfileRecord } from './settings-profile.entity';
import { SettingsService } from './settings.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([SettingsProfileRecord, FiscalYear])],
  controllers: [SettingsController],
  providers: [SettingsService],
  exports: [SettingsService],
})
export class SettingsModule {}
