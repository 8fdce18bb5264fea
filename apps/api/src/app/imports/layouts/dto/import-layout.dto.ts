import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SaveImportLayoutRequest, UpdateImportLayoutRequest } from '@pm/api-contract';
import { LAYOUT_LIMITS, TARGET_COLUMNS, TargetColumn } from '@pm/domain';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** The columns' own rules (1–3 header rows of texts, known column names, each once, 一级/三级/指标值 placed) are layoutProblem's, in the service. */
export class SaveImportLayoutDto implements SaveImportLayoutRequest {
  @ApiProperty({ example: '培训考核表', maxLength: 60 })
  @IsString({ message: '请填写版式名称' })
  @MaxLength(60, { message: '版式名称不能超过 60 字' })
  name!: string;

  @ApiPropertyOptional({ format: 'uuid', description: '版式属于哪个单位或部门（默认本人所在单位或部门）' })
  @IsOptional()
  @IsUUID('all', { message: '单位无效' })
  organizationId?: string;

  @ApiPropertyOptional({ default: false, description: '共享给所有单位（仅财政部门）' })
  @IsOptional()
  @IsBoolean({ message: 'shared 应为 true 或 false' })
  shared?: boolean;

  @ApiProperty({ type: 'array', items: { type: 'array', items: { type: 'string' } }, example: [['考核大类', '考核小类', '考核内容', '目标要求', '计量', '项目']], description: '表头各行的文字，按表格中的样子（1 至 3 行）' })
  @IsArray({ message: `表头应为 1 至 ${LAYOUT_LIMITS.headerRows} 行` })
  @ArrayMinSize(1, { message: `表头应为 1 至 ${LAYOUT_LIMITS.headerRows} 行` })
  @ArrayMaxSize(LAYOUT_LIMITS.headerRows, { message: `表头应为 1 至 ${LAYOUT_LIMITS.headerRows} 行` })
  header!: string[][];

  @ApiProperty({
    type: 'array',
    items: { type: 'string', enum: Object.keys(TARGET_COLUMNS), nullable: true },
    example: ['level1', 'level2', 'name', 'value', 'unit', 'project'],
    description: '每一列是什么（null：不导入）',
  })
  @IsArray({ message: '请指明各列分别是什么' })
  @ArrayMaxSize(LAYOUT_LIMITS.columns, { message: `版式最多 ${LAYOUT_LIMITS.columns} 列` })
  columns!: (TargetColumn | null)[];

  @ApiPropertyOptional({ default: 0, minimum: 0, maximum: LAYOUT_LIMITS.skipRows, description: '表头与第一个项目之间跳过的行数' })
  @IsOptional()
  @IsInt({ message: `表头下跳过的行数应为 0 至 ${LAYOUT_LIMITS.skipRows} 的整数` })
  @Min(0, { message: `表头下跳过的行数应为 0 至 ${LAYOUT_LIMITS.skipRows} 的整数` })
  @Max(LAYOUT_LIMITS.skipRows, { message: `表头下跳过的行数应为 0 至 ${LAYOUT_LIMITS.skipRows} 的整数` })
  skipRows?: number;
}

export class UpdateImportLayoutDto extends SaveImportLayoutDto implements UpdateImportLayoutRequest {
  @ApiProperty({ description: '读取时的版本号' })
  @IsInt({ message: '请带上读取时的版本号' })
  @Min(1, { message: '版本号无效' })
  version!: number;
}

export class TableGridQueryDto {
  @ApiPropertyOptional({ description: '按哪个单位或部门的版式读取（默认本人所在单位或部门）', format: 'uuid' })
  @IsOptional()
  @IsUUID('all', { message: '单位无效' })
  organizationId?: string;
}
