import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DocumentVersion } from './document-version.entity';
import { ReviewHistory } from './review-history.service';
import { ReviewRunner } from './review-runner.service';

/** The one review chain's runner and version history, used by every reviewed document kind. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([DocumentVersion])],
  providers: [ReviewRunner, ReviewHistory],
  exports: [ReviewRunner, ReviewHistory],
})
export class ReviewModule {}
