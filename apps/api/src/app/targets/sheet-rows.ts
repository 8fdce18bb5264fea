import { TargetIndicatorDto } from '@pm/api-contract';
import { Comparator, IndicatorKind, normaliseIndicatorName } from '@pm/domain';
import Decimal from 'decimal.js';
import { TargetIndicator } from './target-indicator.entity';

/** Stored row → the contract's row, with its stable id. */
export function toIndicatorDto(row: TargetIndicator): TargetIndicatorDto {
  return {
    id: row.id,
    level1: row.level1,
    level2: row.level2,
    name: row.name,
    comparator: row.comparator as Comparator | null,
    value: row.value,
    unit: row.unit,
    kind: row.kind as IndicatorKind,
    content: row.content,
    basis: row.basis,
    lastYearActual: row.lastYearActual === null ? null : new Decimal(row.lastYearActual).toFixed(),
    weight: row.weight === null ? null : new Decimal(row.weight).toFixed(),
    scoringRule: row.scoringRule,
    evidence: row.evidence,
  };
}

function numberOf(text: string): string | null {
  try {
    return /^-?\d+(\.\d+)?$/.test(text.trim()) ? new Decimal(text.trim()).toFixed(4) : null;
  } catch {
    return null;
  }
}

/** The contract's row → columns to store; names are normalised (社会效益 → 社会效益指标). */
export function toIndicatorColumns(sheetId: string, row: TargetIndicatorDto, position: number): Partial<TargetIndicator> {
  return {
    ...(row.id ? { id: row.id } : {}),
    sheetId,
    position,
    level1: normaliseIndicatorName(row.level1),
    level2: normaliseIndicatorName(row.level2),
    name: row.name.trim(),
    comparator: row.comparator,
    value: row.value.trim(),
    valueNumber: row.kind === '定量' ? numberOf(row.value) : null,
    unit: row.unit.trim(),
    kind: row.kind,
    content: row.content ?? '',
    basis: row.basis ?? '',
    lastYearActual: row.lastYearActual ?? null,
    weight: row.weight ?? null,
    scoringRule: row.scoringRule ?? '',
    evidence: row.evidence ?? '',
  };
}
