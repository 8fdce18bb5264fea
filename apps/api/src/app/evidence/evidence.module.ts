import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { EvidenceController } from './evidence.controller';
import { EvidenceContent, EvidenceFile } from './evidence-file.entity';
import { DatabaseEvidenceStorage, EVIDENCE_STORAGE } from './evidence-storage';
import { EvidenceService } from './evidence.service';

/** 佐证资料 of any document; the bytes behind EVIDENCE_STORAGE (PostgreSQL by default). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([EvidenceFile, EvidenceContent])],
  controllers: [EvidenceController],
  providers: [EvidenceService, { provide: EVIDENCE_STORAGE, useClass: DatabaseEvidenceStorage }],
  exports: [EvidenceService],
})
export class EvidenceModule {}
