import { ApiProperty } from '@nestjs/swagger';
import { SaveSettingsProfileRequest } from '@pm/api-contract';
import { FISCAL_YEAR_MAX, FISCAL_YEAR_MIN, SettingsProfile } from '@pm/domain';
import { Type } from 'class-transformer';
import { IsInt, IsObject, Max, Min } from 'class-validator';

/** The shape is checked here; whether the parameters hold together is the domain's `profileProblems`. */
export class SaveSettingsProfileDto implements SaveSettingsProfileRequest {
  @ApiProperty({ type: 'object', additionalProperties: true, description: '参数方案（SPEC §8 各项参数）' })
  @IsObject({ message: '请提交参数方案' })
  profile!: SettingsProfile;
}

export class FiscalYearBodyDto {
  @ApiProperty({ example: 2026 })
  @Type(() => Number)
  @IsInt({ message: '年度须为整数，如 2026' })
  @Min(FISCAL_YEAR_MIN, { message: `年度须在 ${FISCAL_YEAR_MIN}–${FISCAL_YEAR_MAX} 之间` })
  @Max(FISCAL_YEAR_MAX, { message: `年度须在 ${FISCAL_YEAR_MIN}–${FISCAL_YEAR_MAX} 之间` })
  fiscalYear!: number;
}
