import { ApiProperty } from '@nestjs/swagger';
import { SaveSettingsProfileRequest } from '@pm/api-contract';
import { FISCAL_YEAR_MAX, FISCAL_YEAR_MIN, SettingsProfile } from '@pm/domain';
import { IsObject } from 'class-validator';
import { FiscalYearField } from '../../common/fiscal-year.field';

/** The shape is checked here; whether the parameters hold together is the domain's `profileProblems`. */
export class SaveSettingsProfileDto implements SaveSettingsProfileRequest {
  @ApiProperty({ type: 'object', additionalProperties: true, description: '参数方案（SPEC §8 各项参数）' })
  @IsObject({ message: '请提交参数方案' })
  profile!: SettingsProfile;
}

export class FiscalYearBodyDto {
  @FiscalYearField({ message: `年度须在 ${FISCAL_YEAR_MIN}–${FISCAL_YEAR_MAX} 之间` })
  fiscalYear!: number;
}
