import Decimal from 'decimal.js';
import { isLevel1, normaliseIndicatorName } from '../indicators/dictionary';
import { parseTargetValue } from '../indicators/target-value';
import { isTotalRow, UnitRow, unitRowOf } from './table-bounds';
import { columnOf, headerPaths, isHeaderWord } from './table-headers';
import type { ImportedIndicator, ImportedProject, TargetTableReading } from './target-table-reader';

interface Pair {
  level1: string;
  name: number;
  value: number;
}

export interface SummaryHeader {
  code: number;
  project: number;
  /** The 年度预算（万元） column, or -1. */
  amount: number;
  pairs: Pair[];
  bodyStart: number;
}

/**
 * The columns of a row where `三级指标 | 指标值` pairs start: asked of every row of a table while its
 * end is looked for, so worked out once per row (most rows have none).
 */
const pairsOfRow = new WeakMap<readonly string[], number[]>();
function pairColumns(row: readonly string[]): number[] {
  let found = pairsOfRow.get(row);
  if (found === undefined) {
    found = [];
    for (let c = 0; c < row.length - 1; c++) if (row[c] && columnOf(row[c]) === 'name' && columnOf(row[c + 1] ?? '') === 'value') found.push(c);
    pairsOfRow.set(row, found);
  }
  return found;
}

/**
 * 部门预算项目绩效目标汇总表 (SPEC §7): a row of 一级 names (成本 / 产出 / 效益 / 满意度) over a row of
 * 三级指标 | 指标值 pairs, with 项目编码 and 项目名称 to the left — or a header row above them both
 * (项目名称, 项目金额（万元） › 资金总额 …, 绩效目标 over the 一级 names). Returns the columns, or null.
 */
export function summaryHeader(rows: readonly string[][], i: number): SummaryHeader | null {
  for (const above of [0, 1]) {
    const top = rows[i + above];
    const below = rows[i + above + 1];
    if (!top || !below || (above && !rows[i].every(isHeaderWord))) continue;
    const under = pairColumns(below);
    if (under.length < 2) continue;
    const pairs: Pair[] = [];
    for (const c of under) {
      const cell = top[c] ?? '';
      const level1 = cell ? normaliseIndicatorName(cell) : '';
      if (cell && isLevel1(level1)) pairs.push({ level1, name: c, value: c + 1 });
    }
    if (pairs.length < 2) continue;
    const header = rows.slice(i, i + above + 2);
    const find = (column: 'code' | 'project') => header.map((row) => row.findIndex((cell) => columnOf(cell) === column)).find((c) => c !== -1) ?? -1;
    const project = find('project');
    if (project === -1) return null;
    // 年度预算（万元）, or 资金总额 under 项目金额（万元）
    const paths = headerPaths(header);
    const inTenThousands = (c: number) => /万元/.test(paths[c].join('')) && /预算|金额|资金/.test(paths[c].join(''));
    const total = paths.findIndex((path, c) => inTenThousands(c) && columnOf(path.at(-1) ?? '') === 'funds');
    const amount = total !== -1 ? total : paths.findIndex((_, c) => inTenThousands(c));
    return { code: find('code'), project, amount, pairs, bodyStart: i + above + 2 };
  }
  return null;
}

const QUALITY = /率|合格|达标|质量|准确|完好|优良/;
const TIMELINESS = /及时|时间|时限|按时|按期|工作日|日内|天内|期限|进度/;
const ECONOMIC = /经济|收入|产值|增收|效益额/;
const ECOLOGICAL = /生态|环境|绿化|排放|节能|污染/;
const SUSTAINED = /可持续|长效|机制|长期/;

/** The 二级 a summary table leaves out, inferred from the 一级 and the indicator's name. */
export function inferLevel2(level1: string, name: string, value: string): string {
  if (level1 === '满意度指标') return '服务对象满意度指标';
  if (level1 === '成本指标') return ECOLOGICAL.test(name) ? '生态环境成本指标' : /社会/.test(name) ? '社会成本指标' : '经济成本指标';
  if (level1 === '效益指标') return ECONOMIC.test(name) ? '经济效益指标' : ECOLOGICAL.test(name) ? '生态效益指标' : SUSTAINED.test(name) ? '可持续影响指标' : '社会效益指标';
  if (TIMELINESS.test(name) || TIMELINESS.test(value)) return '时效指标';
  if (QUALITY.test(name)) return '质量指标';
  return '数量指标';
}

/** Reads the body of a summary table into the reading; returns the index of the first row after it. */
export function readSummary(source: string, rows: string[][], header: SummaryHeader, reading: TargetTableReading, isEnd: (i: number) => boolean): number {
  let current = null as ImportedProject | null;
  let unit: UnitRow | null = null;
  let i = header.bodyStart;
  for (; i < rows.length && !isEnd(i); i++) {
    const cells = rows[i];
    if (cells.every((c) => c === '')) continue;
    const name = cells[header.project] ?? '';
    if (isTotalRow(name)) continue;
    const pairsFilled = header.pairs.filter((p) => (cells[p.name] ?? '') !== '' || (cells[p.value] ?? '') !== '');
    // `103001 开封市图书馆` above its projects: their unit, not a project
    const codeCell = header.code === -1 ? '' : (cells[header.code] ?? '');
    // or the unit's name alone in the code column (`曲靖市民政局（本级）`)
    const unitRow = pairsFilled.length === 0 ? (unitRowOf(cells) ?? (!name && codeCell && !/\d{4,}/.test(codeCell) ? { code: null, name: codeCell } : null)) : null;
    if (unitRow) {
      unit = unitRow;
      current = null;
      reading.repairs.push({ source, row: i + 1, column: '项目名称', message: `“${unitRow.code ? `${unitRow.code} ` : ''}${unitRow.name}”是单位行，以下项目属于该单位` });
      continue;
    }
    const code = header.code === -1 ? '' : (cells[header.code] ?? '');
    if (name && name !== current?.name) {
      current = { code: code || null, name, goal: '', unitName: unit?.name ?? null, unitRow: unit, indicators: [], fundsTotal: null, source, row: i + 1 };
      reading.projects.push(current);
      const amount = header.amount === -1 ? '' : (cells[header.amount] ?? '').replace(/[,，\s]/g, '');
      if (amount && /^\d+(\.\d+)?$/.test(amount)) current.fundsTotal = new Decimal(amount).times(10000).toFixed(2);
      else if (amount) reading.errors.push({ source, row: i + 1, column: '年度预算（万元）', message: `金额“${cells[header.amount]}”不是数字` });
    }
    if (!current) {
      if (pairsFilled.length) reading.errors.push({ source, row: i + 1, column: '项目名称', message: '指标行之前没有项目名称' });
      continue;
    }
    for (const pair of pairsFilled) {
      const indicatorName = cells[pair.name] ?? '';
      const raw = cells[pair.value] ?? '';
      if (!indicatorName) {
        reading.errors.push({ source, row: i + 1, column: `${pair.level1}·三级指标`, message: `指标值“${raw}”没有指标名称` });
        continue;
      }
      const parsed = parseTargetValue(raw);
      if (parsed.problems.length) {
        parsed.problems.forEach((message) => reading.errors.push({ source, row: i + 1, column: `${pair.level1}·指标值`, message }));
        continue;
      }
      parsed.repairs.forEach((message) => reading.repairs.push({ source, row: i + 1, column: `${pair.level1}·指标值`, message }));
      const level2 = inferLevel2(pair.level1, indicatorName, raw);
      reading.repairs.push({ source, row: i + 1, column: `${pair.level1}·三级指标`, message: `“${indicatorName}”的二级指标按名称推断为“${level2}”` });
      const indicator: ImportedIndicator = {
        level1: pair.level1,
        level2,
        name: indicatorName,
        comparator: parsed.comparator,
        value: parsed.value,
        unit: parsed.unit,
        kind: parsed.kind,
        content: '',
        basis: '',
        lastYearActual: null,
        weight: null,
        scoringRule: '',
        evidence: '',
      };
      current.indicators.push(indicator);
    }
  }
  return i;
}
