import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsUUID } from 'class-validator';
import { FiscalYearField } from '../../common/fiscal-year.field';

/** A flag of the query read strictly: true / false (or 1 / 0); anything else stays as sent, for IsBoolean to refuse. */
const strictBoolean = ({ value }: { value: unknown }) => (value === true || value === 'true' || value === '1' ? true : value === false || value === 'false' || value === '0' ? false : value);

/** `dryRun` read strictly: true / false (or 1 / 0); anything else is a 400, never a real import. */
export class DryRunQueryDto {
  @ApiPropertyOptional({ description: 'true：只预览，不保存', default: false })
  @IsOptional()
  @Transform(strictBoolean)
  @IsBoolean({ message: 'dryRun 应为 true 或 false' })
  dryRun?: boolean;
}

export class ImportQueryDto extends DryRunQueryDto {
  @FiscalYearField()
  fiscalYear!: number;

  @ApiPropertyOptional({ description: '导入到哪个预算单位（审核人必填；项目负责人默认本单位）', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '预算单位无效' })
  organizationId?: string;
}

export class SelfEvaluationQueryDto {
  @FiscalYearField({ optional: true, description: '自评年度；不填时取表格标题中的年度' })
  fiscalYear?: number;

  @ApiPropertyOptional({ description: '导入到哪个预算单位（审核人必填；项目负责人默认本单位）', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '预算单位无效' })
  organizationId?: string;
}
