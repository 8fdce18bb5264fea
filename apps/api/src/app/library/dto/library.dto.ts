import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CreateLibraryEntryRequest } from '@pm/api-contract';
import { Comparator, COMPARATORS, IndicatorKind, KINDS } from '@pm/domain';
import { IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

export class CreateLibraryEntryDto implements CreateLibraryEntryRequest {
  @ApiProperty({ example: '产出指标' })
  @IsString()
  @MaxLength(30)
  level1!: string;

  @ApiProperty({ example: '质量指标' })
  @IsString()
  @MaxLength(30)
  level2!: string;

  @ApiProperty({ example: '获补对象准确率' })
  @IsString({ message: '请填写指标名称' })
  @IsNotEmpty({ message: '请填写指标名称' })
  @MaxLength(100, { message: '指标名称不能超过 100 字' })
  name!: string;

  @ApiProperty({ enum: COMPARATORS, nullable: true })
  @ValidateIf((_, v) => v !== null)
  @IsIn(COMPARATORS, { message: `指标性质应为 ${COMPARATORS.join(' ')} 之一` })
  comparator!: Comparator | null;

  @ApiProperty({ example: '%' })
  @IsString()
  @MaxLength(30)
  unit!: string;

  @ApiProperty({ enum: KINDS })
  @IsIn(KINDS, { message: '指标属性应为定量或定性' })
  kind!: IndicatorKind;

  @ApiProperty({ example: '获补对象准确率=抽检符合标准的补助对象数/抽检实际补助对象数*100%' })
  @IsString()
  @MaxLength(2000)
  content!: string;
}

export class LibraryQueryDto {
  @ApiPropertyOptional({ description: '按名称或指标内容搜索' })
  @IsOptional()
  @IsString()
  @MaxLength(50, { message: '搜索词过长' })
  q?: string;

  @ApiPropertyOptional({ example: '产出指标' })
  @IsOptional()
  @IsString()
  @MaxLength(30)
  level1?: string;
}
