import { TargetIndicatorDto } from '@pm/api-contract';
import { normaliseComparator, normaliseIndicatorName, normaliseKind, parseTargetValue } from '@pm/domain';

export function emptyRow(level1 = '产出指标', level2 = '数量指标'): TargetIndicatorDto {
  return { level1, level2, name: '', comparator: '≥', value: '', unit: '', kind: '定量', content: '', basis: '', lastYearActual: null, weight: null, scoringRule: '', evidence: '' };
}

/** What the lead typed in the 指标值 cell (`≥95%`) split into comparator, value, unit and kind. */
export function splitValueCell(row: TargetIndicatorDto, typed: string): TargetIndicatorDto {
  const parsed = parseTargetValue(typed, { unit: row.unit || null });
  return {
    ...row,
    comparator: parsed.comparator ?? row.comparator,
    value: parsed.value,
    unit: parsed.unit || row.unit,
    kind: parsed.kind,
  };
}

/**
 * Rows copied from Excel (tab-separated), in the column order of the table:
 * 一级, 二级, 三级, 指标性质, 指标值, 度量单位, 指标属性, 分值, 指标内容. Blank lines are skipped;
 * a value with its comparator and unit inside (`≥95%`) is split.
 */
export function rowsFromPaste(text: string): TargetIndicatorDto[] {
  return text
    .replace(/\r/g, '')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [level1 = '', level2 = '', name = '', comparator = '', value = '', unit = '', kind = '', weight = '', content = ''] = line.split('\t').map((c) => c.trim());
      const parsed = parseTargetValue(value, { comparator: comparator || null, unit: unit || null, kind: kind || null });
      return {
        ...emptyRow(normaliseIndicatorName(level1), normaliseIndicatorName(level2)),
        name,
        comparator: parsed.comparator ?? normaliseComparator(comparator),
        value: parsed.value,
        unit: parsed.unit,
        kind: normaliseKind(kind) ?? parsed.kind,
        weight: weight === '' ? null : weight.replace(/[,，]/g, ''),
        content,
      };
    });
}

export interface SpannedRow {
  row: TargetIndicatorDto;
  index: number;
  /** Rows the 一级 / 二级 cell spans from here; 0 when an earlier row's cell covers this one. */
  level1Span: number;
  level2Span: number;
}

/** Consecutive rows with the same 一级 (and 二级) share one cell, as in the official table. */
export function withSpans(rows: readonly TargetIndicatorDto[]): SpannedRow[] {
  return rows.map((row, index) => {
    const starts1 = index === 0 || rows[index - 1].level1 !== row.level1;
    const starts2 = starts1 || rows[index - 1].level2 !== row.level2;
    const run = (same: (r: TargetIndicatorDto) => boolean) => {
      let n = 0;
      while (index + n < rows.length && same(rows[index + n])) n++;
      return n;
    };
    return {
      row,
      index,
      level1Span: starts1 ? run((r) => r.level1 === row.level1) : 0,
      level2Span: starts2 ? run((r) => r.level1 === row.level1 && r.level2 === row.level2) : 0,
    };
  });
}
