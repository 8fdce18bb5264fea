import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

/** `page` (from 1) and `pageSize` (default 50, at most 500) of every list (SPEC §11). */
export class PageQueryDto {
  @ApiPropertyOptional({ default: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '页码无效' })
  @Min(1, { message: '页码无效' })
  @Max(100000, { message: '页码无效' })
  page?: number;

  @ApiPropertyOptional({ default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: '每页条数无效' })
  @Min(1, { message: '每页条数无效' })
  @Max(500, { message: '每页最多 500 条' })
  pageSize?: number;
}
