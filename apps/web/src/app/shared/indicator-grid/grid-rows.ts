import { TargetIndicatorDto } from '@pm/api-contract';
import { normaliseComparator, normaliseIndicatorName, normaliseKind, parseTargetValue } from '@pm/domain';

/**
 * The rows of the one indicator grid, as plain functions: a new row, the 指标值 cell that splits
 * `≥95%`, rows pasted from Excel, rows kept grouped under their 一级 / 二级 as the official table
 * has them, and the spanning cells of those groups.
 */
export function emptyRow(level1 = '产出指标', level2 = '数量指标'): TargetIndicatorDto {
  return { level1, level2, name: '', comparator: '≥', value: '', unit: '', kind: '定量', content: '', basis: '', lastYearActual: null, weight: null, scoringRule: '', evidence: '' };
}

/** What the lead typed in the 指标值 cell (`≥95%`) split into comparator, value, unit and kind. */
export function splitValueCell(row: TargetIndicatorDto, typed: string): TargetIndicatorDto {
  const parsed = parseTargetValue(typed, { unit: row.unit || null });
  return { ...row, comparator: parsed.comparator ?? row.comparator, value: parsed.value, unit: parsed.unit || row.unit, kind: parsed.kind };
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

/** A block of cells copied from Excel: lines of tab-separated cells. */
export function cellsOf(text: string): string[][] {
  const lines = text.replace(/\r/g, '').split('\n');
  if (lines.at(-1) === '') lines.pop();
  return lines.map((line) => line.split('\t'));
}

const groupOf = (r: TargetIndicatorDto) => `${r.level1}\u0000${r.level2}`;

/** Rows kept together under their 一级, then their 二级, in the order the groups first appear; a row's place inside its group is kept. */
export function grouped(rows: readonly TargetIndicatorDto[]): TargetIndicatorDto[] {
  const level1Order = new Map<string, number>();
  const level2Order = new Map<string, number>();
  rows.forEach((r) => {
    if (!level1Order.has(r.level1)) level1Order.set(r.level1, level1Order.size);
    if (!level2Order.has(groupOf(r))) level2Order.set(groupOf(r), level2Order.size);
  });
  return rows
    .map((row, index) => ({ row, index }))
    .sort((a, b) => (level1Order.get(a.row.level1) as number) - (level1Order.get(b.row.level1) as number) || (level2Order.get(groupOf(a.row)) as number) - (level2Order.get(groupOf(b.row)) as number) || a.index - b.index)
    .map((x) => x.row);
}

/** A new row at the end of its 一级 / 二级 group (a new group at the end of its 一级, or of the table). */
export function insertInGroup(rows: readonly TargetIndicatorDto[], row: TargetIndicatorDto): TargetIndicatorDto[] {
  return grouped([...rows, row]);
}

/** Moves a row up or down inside its group; it never leaves its 一级 / 二级. */
export function moveInGroup(rows: readonly TargetIndicatorDto[], index: number, by: -1 | 1): TargetIndicatorDto[] {
  const target = index + by;
  if (target < 0 || target >= rows.length || groupOf(rows[target]) !== groupOf(rows[index])) return [...rows];
  const copy = [...rows];
  [copy[index], copy[target]] = [copy[target], copy[index]];
  return copy;
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
