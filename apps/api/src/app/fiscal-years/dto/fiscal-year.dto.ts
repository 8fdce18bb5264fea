import { ApiProperty } from '@nestjs/swagger';
import { CreateFiscalYearRequest, UpdateFiscalYearRequest } from '@pm/api-contract';
import { FISCAL_YEAR_MAX, FISCAL_YEAR_MIN, FISCAL_YEAR_STATUSES, FiscalYearStatus } from '@pm/domain';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, Min, ValidateIf } from 'class-validator';

export class CreateFiscalYearDto implements CreateFiscalYearRequest {
  @ApiProperty({ example: 2027 })
  @IsInt({ message: '年度须为整数，如 2027' })
  @Min(FISCAL_YEAR_MIN, { message: `年度须在 ${FISCAL_YEAR_MIN}–${FISCAL_YEAR_MAX} 之间` })
  @Max(FISCAL_YEAR_MAX, { message: `年度须在 ${FISCAL_YEAR_MIN}–${FISCAL_YEAR_MAX} 之间` })
  year!: number;
}

export class UpdateFiscalYearDto implements UpdateFiscalYearRequest {
  @ApiProperty({ enum: FISCAL_YEAR_STATUSES, required: false })
  @IsOptional()
  @IsIn(FISCAL_YEAR_STATUSES, { message: '状态须为编报中或已关闭' })
  status?: FiscalYearStatus;

  @ApiProperty({ format: 'uuid', required: false, description: '本年度采用的参数方案' })
  @IsOptional()
  @IsUUID('all', { message: '参数方案无效' })
  profileId?: string;

  @ApiProperty({ example: '2026-12-15', nullable: true, required: false, description: '绩效目标申报截止日期' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: '截止日期应为“年-月-日”，如 2026-12-15' })
  targetDeadline?: string | null;
}
