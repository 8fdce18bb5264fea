import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsUUID } from 'class-validator';

export class ExportQueryDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: '请选择预算年度' })
  fiscalYear!: number;

  @ApiProperty({ format: 'uuid', description: '预算单位或主管部门' })
  @IsUUID('all', { message: '请选择预算单位或主管部门' })
  organizationId!: string;
}
