import { TargetIndicatorDto } from '@pm/api-contract';
import { normaliseIndicatorName } from '@pm/domain';
import Decimal from 'decimal.js';
import { TargetIndicator } from './target-indicator.entity';

function numberOf(text: string): string | null {
  try {
    return /^-?\d+(\.\d+)?$/.test(text.trim()) ? new Decimal(text.trim()).toFixed(4) : null;
  } catch {
    return null;
  }
}

/** The contract's row → columns to store; names are normalised (社会效益 → 社会效益指标). */
export function toIndicatorColumns(sheetId: string, row: TargetIndicatorDto, position: number): Partial<TargetIndicator> {
  // one literal, the id added after: spreading it in first made every row a slow (dictionary) object, ~30 µs a row
  const columns: Partial<TargetIndicator> = {
    sheetId,
    position,
    level1: normaliseIndicatorName(row.level1),
    level2: normaliseIndicatorName(row.level2),
    name: row.name.trim(),
    comparator: row.comparator ?? (row.kind === '定性' ? '定性' : null),
    value: row.value.trim(),
    valueNumber: row.kind === '定量' ? numberOf(row.value) : null,
    unit: row.unit.trim(),
    kind: row.kind,
    content: row.content ?? '',
    basis: row.basis ?? '',
    lastYearActual: row.lastYearActual ?? null,
    // a number, when there is one, is what 上年完成值 is; the text only stands in for it
    lastYearActualText: row.lastYearActual ? null : row.lastYearActualText?.trim() || null,
    weight: row.weight ?? null,
    scoringRule: row.scoringRule ?? '',
    evidence: row.evidence ?? '',
  };
  if (row.id) columns.id = row.id;
  return columns;
}

/** A stored decimal as a read prints it (PostgreSQL's `trim_scale(…)::text`): no trailing zeros, no minus on zero. */
function decimalText(value: string | null | undefined): string | null {
  return value === null || value === undefined ? null : new Decimal(value).toFixed();
}

/** The row as a read answers it, from the columns just written: a save need not read its rows back. */
export function asStoredRow(columns: Partial<TargetIndicator>): TargetIndicatorDto {
  return {
    id: columns.id as string,
    level1: columns.level1 as string,
    level2: columns.level2 as string,
    name: columns.name as string,
    comparator: (columns.comparator ?? null) as TargetIndicatorDto['comparator'],
    value: columns.value as string,
    unit: columns.unit as string,
    kind: columns.kind as TargetIndicatorDto['kind'],
    content: columns.content as string,
    basis: columns.basis as string,
    lastYearActual: decimalText(columns.lastYearActual),
    lastYearActualText: columns.lastYearActualText ?? null,
    weight: decimalText(columns.weight),
    scoringRule: columns.scoringRule as string,
    evidence: columns.evidence as string,
  };
}
