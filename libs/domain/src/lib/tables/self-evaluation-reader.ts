import { normaliseComparator } from '../indicators/comparator';
import { normaliseIndicatorName } from '../indicators/dictionary';
import { columnOf } from './table-headers';
import { ImportNote, TableSource } from './target-table-reader';
import { cellText } from './cell-text';

/** One indicator's actual result in a year's 项目支出绩效自评表. */
export interface ReportedResult {
  projectName: string;
  level1: string;
  level2: string;
  name: string;
  /** 实际完成值 as a decimal string, or null when it is a phrase (作用明显). */
  actual: string | null;
  actualText: string;
}

/** One row of a published 自评表, as printed. */
export interface ReportedIndicator {
  level1: string;
  level2: string;
  name: string;
  comparator: string | null;
  value: string;
  unit: string;
  /** 定量 when both the target and the actual are numbers. */
  kind: '定量' | '定性';
  actual: string | null;
  actualText: string;
  weight: string | null;
  /** 得分 as published. */
  score: string | null;
  deviationNote: string;
  /** The 指标编号 an export of this system writes beside each row, so a copy filled in Excel comes back to the same indicator. */
  indicatorId: string | null;
  /** Row number in its source (1-based), to tie a problem to the cell. */
  row: number;
}

/** A whole 项目支出绩效自评表: its project, money block, goal, rows, 总分 and 等级 as published. */
export interface SelfEvaluationForm {
  source: string;
  row: number;
  projectName: string;
  departmentName: string | null;
  unitName: string | null;
  money: { initial: string | null; annual: string | null; executed: string | null; weight: string | null; score: string | null; bySource: { appropriation: string | null; carryOver: string | null; other: string | null } };
  goal: string;
  goalActual: string;
  indicators: ReportedIndicator[];
  total: string | null;
  grade: string | null;
}

export interface SelfEvaluationReading {
  /** The year in the tables' titles (2024年度项目支出绩效自评表), when they say. */
  fiscalYear: number | null;
  tables: number;
  forms: SelfEvaluationForm[];
  results: ReportedResult[];
  errors: ImportNote[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const MONEY_LABEL = /年度资金总额|当年财政拨款|上年结转|非财政拨款|其他资金/;
const ACTUAL = /^(实际完成值|全年实际值|实际值)$/;
const TABLE_END = /^(其他需要说明的事项|其他需说明事项|总分|备注)/;
const TITLE = /(\d{4})\s*年度?项目支出绩效自评表/;
const compact = (cell: string) => cell.replace(/[\s：:]/g, '');
const amount = (cell: string | undefined) => {
  const t = (cell ?? '').replace(/[,，\s元]/g, '');
  return /^-?\d+(\.\d+)?$/.test(t) ? t : null;
};

/**
 * Reads 项目支出绩效自评表 (per-project forms: 项目名称 and the money block above, then 一级/二级/三级
 * rows with 实际完成值, 分值 and 得分, then 总分 and 等级). Department self-evaluations (部门名称, no
 * 项目名称) are left out: they set no project's targets.
 */
export function readSelfEvaluations(sources: readonly TableSource[]): SelfEvaluationReading {
  const reading: SelfEvaluationReading = { fiscalYear: null, tables: 0, forms: [], results: [], errors: [] };
  for (const source of sources) {
    const rows = source.rows.map((row) => row.map(cellText));
    let blockStart = 0;
    for (let i = 0; i < rows.length; i++) {
      const title = TITLE.exec(rows[i].join(''));
      if (title && reading.fiscalYear === null) reading.fiscalYear = Number(title[1]);
      const header = resultHeader(rows[i]);
      if (!header) continue;
      // the form starts at its 项目名称: whatever stands above it (a department's own table) is not this form's
      const startAt = rowOf(rows, blockStart, i, /^项目名称$/) ?? blockStart;
      const projectName = labelValue(rows, startAt, i, /^项目名称$/);
      let end = i + 1;
      while (end < rows.length && !TABLE_END.test(rows[end][0] ?? '') && !resultHeader(rows[end])) end++;
      if (projectName) {
        reading.tables++;
        const form: SelfEvaluationForm = {
          source: source.name,
          row: startAt + 1,
          projectName,
          departmentName: labelValue(rows, startAt, i, /^主管部门$/),
          unitName: labelValue(rows, startAt, i, /^实施单位$/),
          money: moneyOf(rows, startAt, i),
          ...goalOf(rows, startAt, i),
          indicators: readRows(rows, i + 1, end, header),
          ...totalOf(rows, end),
        };
        reading.forms.push(form);
        for (const r of form.indicators) reading.results.push({ projectName, level1: r.level1, level2: r.level2, name: r.name, actual: r.kind === '定量' || r.actual !== null ? r.actual : null, actualText: r.actualText });
      }
      blockStart = end;
      i = end - 1;
    }
  }
  return reading;
}

type Header = Record<'level1' | 'level2' | 'name' | 'actual' | 'comparator' | 'value' | 'unit' | 'weight' | 'score' | 'deviation' | 'id', number>;

function resultHeader(row: readonly string[]): Header | null {
  const find = (test: (cell: string) => boolean) => row.findIndex((cell) => test(cell.replace(/\s/g, '')));
  const level1 = find((c) => columnOf(c) === 'level1');
  const name = find((c) => columnOf(c) === 'name');
  const actual = find((c) => ACTUAL.test(c));
  if (level1 === -1 || name === -1 || actual === -1) return null;
  return {
    level1,
    level2: find((c) => columnOf(c) === 'level2'),
    name,
    actual,
    comparator: find((c) => columnOf(c) === 'comparator'),
    value: find((c) => columnOf(c) === 'value'),
    unit: find((c) => columnOf(c) === 'unit'),
    weight: find((c) => c === '分值'),
    score: find((c) => c === '得分'),
    deviation: find((c) => c.startsWith('偏差原因')),
    id: find((c) => c === '指标编号'),
  };
}

function rowOf(rows: string[][], from: number, to: number, label: RegExp): number | null {
  for (let r = from; r < to; r++) if (rows[r].some((cell) => label.test(compact(cell)))) return r;
  return null;
}

function labelValue(rows: string[][], from: number, to: number, label: RegExp): string | null {
  for (let r = from; r < to; r++) {
    const at = rows[r].findIndex((cell) => label.test(compact(cell)));
    if (at !== -1) return rows[r].slice(at + 1).find((v) => v !== '') ?? null;
  }
  return null;
}

/** 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分, read under their header, by source too. */
function moneyOf(rows: string[][], from: number, to: number): SelfEvaluationForm['money'] {
  const money: SelfEvaluationForm['money'] = { initial: null, annual: null, executed: null, weight: null, score: null, bySource: { appropriation: null, carryOver: null, other: null } };
  const headerAt = rows.slice(from, to).findIndex((cells) => cells.some((c) => compact(c) === '年初预算数'));
  if (headerAt < 0) return money;
  const header = rows[from + headerAt].map(compact);
  const col = (name: string) => header.indexOf(name);
  for (let r = from + headerAt + 1; r < to; r++) {
    // the row's label, not the 项目资金 of a cell merged down the block
    const label = rows[r].map(compact).find((c) => MONEY_LABEL.test(c)) ?? '';
    const cell = (name: string) => (col(name) >= 0 ? rows[r][col(name)] : undefined);
    if (label === '年度资金总额') {
      Object.assign(money, { initial: amount(cell('年初预算数')), annual: amount(cell('全年预算数')), executed: amount(cell('全年执行数')), weight: amount(cell('分值')), score: amount(cell('得分')) });
    }
    const source = label.includes('当年财政拨款') ? 'appropriation' : label.includes('上年结转') ? 'carryOver' : label.includes('非财政拨款') || label.includes('其他资金') ? 'other' : null;
    if (source) money.bySource[source] = amount(cell('年初预算数'));
  }
  return money;
}

function goalOf(rows: string[][], from: number, to: number): { goal: string; goalActual: string } {
  for (let r = from; r < to; r++) {
    const at = rows[r].findIndex((cell) => /^(年度总体目标|总体目标)$/.test(compact(cell)));
    if (at === -1) continue;
    // merged cells read as their master cell: the goal may fill several cells, the result the rest
    const filled = [...new Set(rows[r].slice(at + 1).filter((v) => v !== ''))];
    return { goal: filled[0] ?? '', goalActual: filled.length > 1 ? filled[filled.length - 1] : '' };
  }
  return { goal: '', goalActual: '' };
}

/** 总分 with its 等级, from the row that closes the table (the total is the last number before the grade). */
function totalOf(rows: string[][], at: number): { total: string | null; grade: string | null } {
  for (let r = at; r < Math.min(rows.length, at + 4); r++) {
    if (compact(rows[r][0] ?? '') !== '总分') continue;
    const cells = rows[r].slice(1).filter((v) => v !== '');
    const grade = cells.find((v) => /^[优良中差]$/.test(v)) ?? null;
    const numbers = cells.filter((v) => amount(v) !== null);
    return { total: numbers.length ? (amount(numbers[numbers.length - 1]) as string) : null, grade };
  }
  return { total: null, grade: null };
}

function readRows(rows: string[][], from: number, to: number, header: Header): ReportedIndicator[] {
  const out: ReportedIndicator[] = [];
  let level1 = '';
  let level2 = '';
  const at = (cells: string[], index: number) => (index === -1 ? '' : (cells[index] ?? ''));
  for (let r = from; r < to; r++) {
    const cells = rows[r];
    const name = at(cells, header.name);
    if (!name) continue;
    if (cells[header.level1]) {
      level1 = normaliseIndicatorName(cells[header.level1]);
      level2 = '';
    }
    if (header.level2 !== -1 && cells[header.level2]) level2 = normaliseIndicatorName(cells[header.level2]);
    const actualText = at(cells, header.actual);
    const number = /^([+-]?\d+(?:\.\d+)?)\s*%?$/.exec(actualText.replace(/[,，]/g, ''));
    const value = at(cells, header.value);
    const quantitative = amount(value) !== null && number !== null;
    const comparator = normaliseComparator(at(cells, header.comparator));
    out.push({
      level1,
      level2,
      name,
      comparator: quantitative ? comparator : '定性',
      value,
      // a phrase's 度量单位 column repeats a phrase (作用明显): it is no unit
      unit: quantitative ? at(cells, header.unit) : '',
      kind: quantitative ? '定量' : '定性',
      actual: number ? number[1] : null,
      actualText,
      weight: amount(at(cells, header.weight)),
      score: amount(at(cells, header.score)),
      deviationNote: at(cells, header.deviation),
      indicatorId: UUID.test(at(cells, header.id)) ? at(cells, header.id).toLowerCase() : null,
      row: r + 1,
    });
  }
  return out;
}
