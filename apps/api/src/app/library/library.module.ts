import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LibraryController } from './library.controller';
import { LibraryEntry } from './library-entry.entity';
import { LibraryService } from './library.service';

@Module({
  imports: [TypeOrmModule.forFeature([LibraryEntry])],
  controllers: [LibraryController],
  providers: [LibraryService],
})
export class LibraryModule {}
