import { ApiProperty } from '@nestjs/swagger';
import { IsUUID } from 'class-validator';
import { FiscalYearField } from '../common/fiscal-year.field';

export class ExportQueryDto {
  @FiscalYearField()
  fiscalYear!: number;

  @ApiProperty({ format: 'uuid', description: '预算单位或主管部门' })
  @IsUUID('all', { message: '请选择预算单位或主管部门' })
  organizationId!: string;
}
