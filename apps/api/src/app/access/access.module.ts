import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { Organization } from '../organizations/organization.entity';
import { ScopeService } from './scope.service';

@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Organization])],
  providers: [ScopeService],
  exports: [ScopeService],
})
export class AccessModule {}
