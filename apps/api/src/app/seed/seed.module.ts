import { Module } from '@nestjs/common';
import { TargetsModule } from '../targets/targets.module';
import { DemoSheetsLoader } from './demo-sheets.loader';
import { SeedService } from './seed.service';

@Module({ imports: [TargetsModule], providers: [SeedService, DemoSheetsLoader], exports: [SeedService] })
export class SeedModule {}
