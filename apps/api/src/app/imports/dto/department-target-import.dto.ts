import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsUUID } from 'class-validator';
import { FiscalYearField } from '../../common/fiscal-year.field';
import { DryRunQueryDto } from './import.dto';

/** `POST /api/imports/department-targets?fiscalYear=&organizationId=&dryRun=` */
export class DepartmentTargetImportQueryDto extends DryRunQueryDto {
  @FiscalYearField({ message: '请选择预算年度' })
  fiscalYear!: number;

  @ApiPropertyOptional({ description: '导入到哪个主管部门（默认本人所在部门）', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '主管部门无效' })
  organizationId?: string;
}
