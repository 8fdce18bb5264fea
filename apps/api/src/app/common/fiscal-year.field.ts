import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { FISCAL_YEAR_MAX, FISCAL_YEAR_MIN } from '@pm/domain';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export const FISCAL_YEAR_MESSAGE = `预算年度应为 ${FISCAL_YEAR_MIN}–${FISCAL_YEAR_MAX} 之间的年份`;

/**
 * Every `fiscalYear` of a body or query: an integer year in range, so `99999999999` is a 400
 * naming the field, not an integer overflow or a foreign-key violation inside PostgreSQL.
 */
export function FiscalYearField(options: { optional?: boolean; message?: string; description?: string } = {}): PropertyDecorator {
  const message = options.message ?? FISCAL_YEAR_MESSAGE;
  const doc = { example: 2026, minimum: FISCAL_YEAR_MIN, maximum: FISCAL_YEAR_MAX, ...(options.description ? { description: options.description } : {}) };
  return applyDecorators(
    ...(options.optional ? [ApiPropertyOptional(doc), IsOptional()] : [ApiProperty(doc)]),
    Type(() => Number),
    IsInt({ message }),
    Min(FISCAL_YEAR_MIN, { message }),
    Max(FISCAL_YEAR_MAX, { message }),
  );
}
