import { Comparator, IndicatorKind, leadingComparator, normaliseComparator, normaliseKind } from '../indicators/comparator';
import { DEFAULT_LEVEL2, DEPARTMENT_DICTIONARY, level1Of, level2Allowed, normaliseIndicatorName, PROJECT_DICTIONARY } from '../indicators/dictionary';
import { parseTargetValue, sameUnit } from '../indicators/target-value';
import { cellText } from './cell-text';
import { readSummary, summaryHeader } from './department-summary-reader';
import Decimal from 'decimal.js';
import { isDepartmentTargetBlock, isForeignHeader, isTitleLine, isTotalRow, UnitRow, unitRowOf } from './table-bounds';
import { COLUMN_LABELS, headerOf, mayStartHeader, TableHeader, TargetColumn } from './table-headers';
import { LayoutFinder, layoutFinder, NamedLayout } from './table-layout';
import { ProjectBudgetLine, readProjectBudgets } from './project-budget-reader';

/** One sheet of a workbook, or a text document, as rows of cell texts. */
export interface TableSource {
  name: string;
  rows: readonly (readonly (string | null | undefined)[])[];
}

export interface ImportedIndicator {
  level1: string;
  level2: string;
  name: string;
  comparator: Comparator | null;
  value: string;
  unit: string;
  kind: IndicatorKind;
  content: string;
  basis: string;
  lastYearActual: string | null;
  /** 上年完成值 as written when it is no number in the target's unit (`24 小时` against `%`); lastYearActual is then null. */
  lastYearActualText?: string | null;
  weight: string | null;
  scoringRule: string;
  evidence: string;
}

export interface ImportedProject {
  code: string | null;
  name: string;
  goal: string;
  /** The unit named above the table (单位名称：…), by the unit row above the project, or by the form's 预算单位. */
  unitName: string | null;
  /** The unit row above the project (`103001 开封市图书馆`) or the form's 预算单位: what places it in a department's import. */
  unitRow?: UnitRow | null;
  indicators: ImportedIndicator[];
  /** 年度预算总额 in yuan, when the table gives it (the summary's 万元 column). */
  fundsTotal?: string | null;
  /** The project's line in a 中期规划 / 项目支出预算表 of the same document (by code, else name): its 项目分类 and this year's amount. */
  budgetLine?: ProjectBudgetLine | null;
  source: string;
  row: number;
}

/** A repair made or a reason for refusal, tied to where it was found (row numbers from 1). */
export interface ImportNote {
  source: string;
  row: number;
  column: string | null;
  message: string;
}

/**
 * Rows the reader placed under a project but may belong to another (存疑): in a table turned from a PDF the
 * project's name lands in the middle of its merged cell, so the rows above it are read under the project before.
 */
export interface ImportDoubt extends ImportNote {
  project: string;
  /** The doubtful rows (1-based). */
  rows: number[];
  /** The project they may belong to: the next one of the table, if any. */
  nextProject: string | null;
}

export interface TargetTableReading {
  tables: number;
  projects: ImportedProject[];
  repairs: ImportNote[];
  errors: ImportNote[];
  /** Blocks of rows that may sit under the wrong project, for the clerk to check; nothing is moved. */
  doubts: ImportDoubt[];
  /** The layouts whose header a table was read by (their ids, or names when they have none), in the order first used. */
  appliedLayouts: string[];
}

export interface ReadTargetTablesOptions {
  /** Layouts mapped by hand (SPEC §7): a table whose header matches one is read by it instead of by its header words. */
  layouts?: readonly NamedLayout[];
}

/** The longest text each column can store. */
const LIMITS: Partial<Record<TargetColumn, number>> = { level1: 30, level2: 30, name: 200, value: 200, unit: 30 };
const LEVEL1_NAMES = new Set([...Object.keys(PROJECT_DICTIONARY), ...Object.keys(DEPARTMENT_DICTIONARY)]);
const isLevel1Cell = (cell: string) => cell !== '' && LEVEL1_NAMES.has(normaliseIndicatorName(cell));
const NOTE = /^(说明|注|备注)\s*[：:]|^注\s*\d/;
/** The sign-off line under a form: 填报人：… 联系电话：… */
const SIGNATURE = /^(填报人|填表人|联系人|联系电话|填报日期|单位负责人|财务负责人|审核人|制表人)\s*[：:]/;
/** Numbering published in front of a 三级 name: `指标1：`, `1、`, `（2）`. */
const NUMBERING = /^(指标\s*\d+\s*[：:、.．]|\d+\s*[、．]|[（(]\d+[)）])\s*(?=\D)/;
const UNIT_LINE = /^(?:单位名称|预算单位|部门名称)\s*[：:]\s*(.+)$/;
/** `单位：万元` above a table: the unit of its amounts when the header does not say. */
const MONEY_LINE = /^(金额|资金)?单位\s*[：:]\s*(万元|元)\s*$/;
/** Columns too common to mention when they are left out. */
const QUIET_COLUMNS = /^(序号|编号)$/;

/**
 * Reads every target table (项目支出绩效目标表, the list shape of SPEC §7) found in the sources: the
 * header row maps the columns, continuation rows belong to the project above, number rows and notes are
 * skipped, and rows shifted by whole cells are put back. What was repaired and what cannot be read
 * are both reported, each with its row. A table whose header rows match a layout mapped by hand
 * (`options.layouts`) is read by that layout, its body after the header and the rows it skips.
 */
export function readTargetTables(sources: readonly TableSource[], options: ReadTargetTablesOptions = {}): TargetTableReading {
  const reading: TargetTableReading = { tables: 0, projects: [], repairs: [], errors: [], doubts: [], appliedLayouts: [] };
  const layouts = layoutFinder(options.layouts);
  for (const source of sources) readSource(source, reading, layouts);
  checkCodes(reading);
  if (reading.projects.length) withBudgetLines(reading.projects, readProjectBudgets(sources));
  return reading;
}

/** Each project's line of a budget table in the same document, by code when both have one, else by name; a 中期规划 line first. */
function withBudgetLines(projects: ImportedProject[], lines: ProjectBudgetLine[]): void {
  if (lines.length === 0) return;
  const plain = (name: string) => name.replace(/[\s\u3000]/g, '');
  const ordered = [...lines].sort((a, b) => Number(/中期规划/.test(b.table)) - Number(/中期规划/.test(a.table)));
  const byCode = new Map<string, ProjectBudgetLine>();
  const byName = new Map<string, ProjectBudgetLine>();
  for (const line of ordered) {
    if (line.code && !byCode.has(line.code)) byCode.set(line.code, line);
    if (!byName.has(plain(line.name))) byName.set(plain(line.name), line);
  }
  for (const project of projects) {
    const line = (project.code ? byCode.get(project.code) : undefined) ?? byName.get(plain(project.name));
    if (line && (!project.code || !line.code || line.code === project.code)) project.budgetLine = line;
  }
}

function readSource(source: TableSource, reading: TargetTableReading, layouts: LayoutFinder | null): void {
  const rows = source.rows.map((row) => row.map(cellText));
  let unitName: string | null = null;
  let moneyScale: TableHeader['fundsScale'] = null;
  let blockStart = 0;
  let titleAt = -1;
  for (let i = 0; i < rows.length; i++) {
    const first = rows[i].find((c) => c !== '') ?? '';
    if (isTitleLine(rows[i])) {
      titleAt = i;
      moneyScale = null;
    }
    const unit = UNIT_LINE.exec(first);
    if (unit) unitName = unit[1].trim();
    const money = rows[i].map((c) => MONEY_LINE.exec(c)).find(Boolean);
    if (money) moneyScale = money[2] === '万元' ? 10000 : 1;
    // a header mapped by hand comes before what the header words would say
    const layout = layouts?.(rows, i) ?? null;
    const summary = layout ? null : summaryHeader(rows, i);
    if (summary) {
      reading.tables++;
      i = readSummary(source.name, rows, summary, reading, (r) => isTableEnd(rows, r) || NOTE.test(rows[r][0] ?? '') || findHeader(rows, r) !== null || summaryHeader(rows, r) !== null || !!layouts?.(rows, r)) - 1;
      blockStart = i + 1;
      continue;
    }
    const found = layout ? { header: layout.header, bodyStart: i + layout.rows + layout.skipRows } : findHeader(rows, i);
    if (!found) continue;
    if (!found.header.columns.has('project') && isDepartmentTargetBlock(rows, Math.max(blockStart, titleAt), i)) {
      // a 部门（单位）整体绩效目标表: POST /api/imports/department-targets reads it; here it is no table and no project
      i = skipTable(rows, found.bodyStart, layouts) - 1;
      blockStart = i + 1;
      continue;
    }
    reading.tables++;
    if (layout) {
      reading.repairs.push({ source: source.name, row: i + 1, column: null, message: `按版式“${layout.layout.name}”读取表头` });
      const key = layout.layout.id ?? layout.layout.name;
      if (!reading.appliedLayouts.includes(key)) reading.appliedLayouts.push(key);
    }
    const form = found.header.columns.has('project') ? null : formProject(source.name, rows, blockStart, i, unitName, reading, moneyScale);
    const header = { ...found.header, fundsScale: found.header.fundsScale ?? moneyScale };
    i = readTable(source.name, rows, header, found.bodyStart, unitName, reading, form, layouts) - 1;
    blockStart = i + 1;
    unitName = null;
    moneyScale = null;
  }
}

/**
 * A header starting at row i of one to three rows (group rows over the column names, sub-headers
 * such as 资金总额 under 项目金额（万元） below them), or one that a group row just above row i
 * completes: the one that places the most columns, the shortest of equals. `start` is its first
 * row (i, or the group row above), `bodyStart` the row after it.
 */
export function findHeader(rows: readonly string[][], i: number): { header: TableHeader; start: number; bodyStart: number } | null {
  if (!mayBeHeader(rows[i])) return null;
  let best: { header: TableHeader; start: number; bodyStart: number } | null = null;
  const windows: [number, number][] = [[i, i], [i, i + 1], [i, i + 2], [i - 1, i], [i - 1, i + 1]];
  for (const [from, to] of windows) {
    if (from < 0 || to >= rows.length) continue;
    const header = headerOf(rows.slice(from, to + 1));
    const placed = header ? placedColumns(header) : 0;
    if (header && (!best || placed > placedColumns(best.header))) best = { header, start: from, bodyStart: to + 1 };
  }
  return best;
}

const placedColumns = (header: TableHeader) => header.columns.size * 100 + header.paths.filter(Boolean).length;

/**
 * A row with no header word, and not made of group labels only (绩效指标), starts no header: the
 * test every body row passes, once, instead of trying it as a header of one and of two rows.
 */
const headerRows = new WeakMap<readonly string[], boolean>();
function mayBeHeader(row: readonly string[]): boolean {
  let may = headerRows.get(row);
  if (may === undefined) headerRows.set(row, (may = mayStartHeader(row)));
  return may;
}

/** Reads the body of one table; returns the index of the first row after it. */
function readTable(
  source: string,
  rows: string[][],
  { columns: header, paths, fundsScale }: TableHeader,
  start: number,
  unitName: string | null,
  reading: TargetTableReading,
  form: ImportedProject | null,
  layouts: LayoutFinder | null,
): number {
  const at = (cells: string[], column: TargetColumn) => {
    const index = header.get(column);
    return index === undefined ? '' : (cells[index] ?? '');
  };
  // a column under a header of its own is no stray, even when the import does not keep it (序号, 主管部门)
  const named = new Set(paths.flatMap((path, index) => (path ? [index] : [])));
  // how wide the header is: a row copied from a web page lacks the cells merged down from above, on its left
  const width = paths.reduce((w, path, index) => (path ? index + 1 : w), 0);
  const unkept = new Set<number>();
  const kept = new Set(header.values());
  const note = (list: ImportNote[], row: number, column: TargetColumn | null, message: string) =>
    list.push({ source, row: row + 1, column: column ? COLUMN_LABELS[column] : null, message });
  // the per-project form: every row belongs to the project named in the block above the header
  let current = form;
  // a unit row (`103001 开封市图书馆`, or a name alone) chooses the unit of the projects under it
  let unit: UnitRow | null = null;
  // how far the rows of this block sit from their headers, as the last row with a 一级 showed
  let shift = 0;
  // the 一级 order of a list's project block (产出 → 效益 → 满意度): where it starts again lower, a PDF may have put the next project's rows
  let block: DoubtBlock | null = null;
  const closeBlock = (next: string | null) => {
    if (block?.doubt) reading.doubts.push(doubtOf(source, block.project.name, block.doubt, next));
    block = null;
  };
  let i = start;
  for (; i < rows.length; i++) {
    const raw = rows[i];
    const first = raw.find((c) => c !== '') ?? '';
    if (first === '') continue;
    if (isTableEnd(rows, i) || (i > start && (findHeader(rows, i) || summaryHeader(rows, i) || layouts?.(rows, i)))) break;
    if (NOTE.test(first) || SIGNATURE.test(first) || UNIT_LINE.test(first) || isNumberRow(raw)) continue;

    const aligned = realign(raw, header.get('level1') as number, header.get('level2'), (moved) => fitsHeader(moved, header, named, at));
    const reads = (moved: string[]) => readsAsIndicator(moved, named, at);
    // a row of a block the rows above showed shifted goes with its block when only that reads, even when a cell
    // of it passes for a 一级 elsewhere (a 二级 成本指标 one column right sits under 三级指标)
    const withBlock = aligned.shift === shift ? null : putBack(raw, [shift], reads);
    // a row with no 一级 to say where it sits (the first of a shifted block), or one that the cell taken for its 一级
    // does not put back so that it reads (成本指标, a 二级, under 三级指标), is put back by what its cells say
    const byContent = withBlock || aligned.error || aligned.shift === 0 || reads(aligned.cells) ? null : putBack(raw, [-2, -1, 1, 2, rightAligned(raw, width)], reads);
    let cells: string[];
    if (withBlock) {
      cells = withBlock.cells;
      note(reading.repairs, i, null, `与上面的行一样整行${shift > 0 ? '向左' : '向右'}错位 ${Math.abs(shift)} 列，已按表头对齐`);
    } else if (byContent) {
      ({ cells, shift } = byContent);
      note(reading.repairs, i, null, `整行${shift > 0 ? '向左' : '向右'}错位 ${Math.abs(shift)} 列，已按表头对齐`);
    } else {
      if (aligned.error) {
        note(reading.errors, i, null, aligned.error);
        continue;
      }
      if (aligned.repair) note(reading.repairs, i, null, aligned.repair);
      cells = aligned.cells;
      if (aligned.shift !== undefined) shift = aligned.shift;
    }

    const stray = cells.findIndex((c, index) => c !== '' && !named.has(index));
    if (stray !== -1) {
      note(reading.errors, i, null, `第 ${stray + 1} 列“${clip(cells[stray])}”不在任何表头之下，无法确定是哪一项`);
      continue;
    }
    cells.forEach((c, index) => {
      if (c === '' || unkept.has(index) || kept.has(index) || QUIET_COLUMNS.test(paths[index])) return;
      unkept.add(index);
      note(reading.repairs, i, null, `“${paths[index]}”列不是绩效目标的内容，未导入`);
    });

    const projectName = at(cells, 'project');
    if (projectName && isTotalRow(projectName)) continue;
    // a 单位名称 column: `831001-某某镇人民政府` is the unit of the project on its row and of those below it
    const unitText = at(cells, 'budgetUnit');
    if (unitText) {
      const named = unitRowOf([unitText]);
      if (named) unit = named;
      else if (!projectName && !(['level1', 'name', 'value'] as const).some((c) => at(cells, c))) continue; // a department's own row: its total only
    }
    const indicatorCells = (['level1', 'level2', 'name', 'comparator', 'value', 'unit', 'kind', 'content'] as const).some((c) => at(cells, c) !== '');
    const unitCell = !indicatorCells && !at(cells, 'goal') ? unitRowOf(cells) : null;
    if (unitCell || (projectName && !indicatorCells && !at(cells, 'goal') && !at(cells, 'code'))) {
      unit = unitCell ?? { code: null, name: projectName };
      current = null;
      note(reading.repairs, i, 'project', `“${clip(unitCell ? `${unitCell.code} ${unitCell.name}` : projectName)}”只有名称、没有指标，视为单位名称行，以下项目属于该单位`);
      continue;
    }
    if (projectName.length > 200 || at(cells, 'code').length > 40) {
      note(reading.errors, i, projectName.length > 200 ? 'project' : 'code', projectName.length > 200 ? '项目名称超过 200 字' : '项目编码超过 40 字');
      continue;
    }
    if (projectName && projectName !== current?.name) {
      const code = at(cells, 'code') || null;
      current = projectRead(reading, source, projectName, code);
      if (!current) {
        current = { code, name: projectName, goal: at(cells, 'goal'), unitName: unit?.name ?? unitName, unitRow: unit, indicators: [], source, row: i + 1 };
        const funds = fundsOf(at(cells, 'funds'), fundsScale);
        if (funds.yuan) current.fundsTotal = funds.yuan;
        if (funds.problem) note(reading.errors, i, 'funds', funds.problem);
        reading.projects.push(current);
      }
    }
    if (!current) {
      note(reading.errors, i, 'project', '指标行之前没有项目名称');
      continue;
    }
    // a template line naming a 二级 (社会成本指标) with nothing under it, or an indicator said not to apply: no indicator
    const filled = cells.filter((c, index) => c !== '' && index !== header.get('project') && index !== header.get('code'));
    const named3 = at(cells, 'name');
    if (!at(cells, 'value') && (!named3 || NOT_APPLICABLE.test(named3)) && filled.length > 0 && filled.every((c) => DICTIONARY_NAMES.has(normaliseIndicatorName(c)) || NOT_APPLICABLE.test(c))) {
      const said = filled.find((c) => NOT_APPLICABLE.test(c));
      note(reading.repairs, i, null, said ? `“${clip(filled[0])}”写明“${clip(said)}”，未导入` : `“${clip(filled.join(' › '))}”下没有三级指标和指标值，未导入`);
      continue;
    }
    if (!indicatorCells) {
      if (!projectName) note(reading.errors, i, null, '这一行没有一级指标、三级指标或指标值');
      continue;
    }
    // one stray line of a web page or a note (`扫一扫在手机打开当前页`) in the 一级 column: no indicator
    if (!at(cells, 'name') && !at(cells, 'value') && !isLevel1Cell(at(cells, 'level1')) && cells.filter((c) => c !== '').length === 1) {
      note(reading.repairs, i, null, `“${clip(cells.find((c) => c !== '') ?? '')}”不是指标，未导入`);
      continue;
    }
    const indicator = readIndicator(cells, at, current.indicators.at(-1), (column, message) => note(reading.repairs, i, column, message), (column, message) => note(reading.errors, i, column, message));
    if (indicator) current.indicators.push(indicator);
    if (indicator && header.has('project')) {
      if (block && block.project !== current) closeBlock(current.name);
      block ??= { project: current, rank: 0, after: '', doubt: null };
      const rank = LEVEL1_ORDER[indicator.level1] ?? 0;
      if (rank && rank < block.rank && !block.doubt) block.doubt = { level1: indicator.level1, after: block.after, rows: [] };
      block.doubt?.rows.push(i + 1);
      if (rank) [block.rank, block.after] = [rank, indicator.level1];
    }
  }
  closeBlock(null);
  return i;
}

/** The order the official layouts list a project's 一级 in; 成本指标 has no fixed place. */
const LEVEL1_ORDER: Record<string, number> = { 产出指标: 1, 效益指标: 2, 满意度指标: 3 };

interface DoubtBlock {
  project: ImportedProject;
  rank: number;
  after: string;
  doubt: { level1: string; after: string; rows: number[] } | null;
}

function doubtOf(source: string, project: string, doubt: NonNullable<DoubtBlock['doubt']>, next: string | null): ImportDoubt {
  const [first, last] = [doubt.rows[0], doubt.rows[doubt.rows.length - 1]];
  const where = first === last ? `第 ${first} 行` : `第 ${first}–${last} 行`;
  const owner = next ? `下一个项目“${clip(next)}”` : '其他项目';
  return {
    source,
    row: first,
    column: COLUMN_LABELS.project,
    project,
    rows: doubt.rows,
    nextProject: next,
    message: `存疑：“${clip(project)}”${where}的 ${doubt.rows.length} 条指标在“${doubt.after}”之后又从“${doubt.level1}”开始，可能属于${owner}（PDF 转成的表格常把项目名称放在其各行的中间）；已按表中位置归入“${clip(project)}”，请核对`,
  };
}

/** A title line (`## …`, `2026年部门项目支出预算表`) or the header of a table of another kind ends a table. */
function isTableEnd(rows: string[][], i: number): boolean {
  return isTitleLine(rows[i]) || isForeignHeader(rows[i]);
}

/** The first row after a table that is not read. */
function skipTable(rows: string[][], start: number, layouts: LayoutFinder | null): number {
  let i = start;
  while (i < rows.length && !isTableEnd(rows, i) && !findHeader(rows, i) && !summaryHeader(rows, i) && !layouts?.(rows, i)) i++;
  return i;
}

/** The projects already read, by table, name and code, so a city's 3,000 projects are not searched one by one for each. */
const readProjects = new WeakMap<TargetTableReading, { byKey: Map<string, ImportedProject>; counted: number }>();

/** The first project read with this table, name and code (its rows may continue further down). */
function projectRead(reading: TargetTableReading, source: string, name: string, code: string | null): ImportedProject | null {
  let index = readProjects.get(reading);
  if (!index) readProjects.set(reading, (index = { byKey: new Map(), counted: 0 }));
  const key = (p: { source: string; name: string; code: string | null }) => JSON.stringify([p.source, p.name, p.code]);
  for (; index.counted < reading.projects.length; index.counted++) {
    const project = reading.projects[index.counted];
    if (!index.byKey.has(key(project))) index.byKey.set(key(project), project);
  }
  return index.byKey.get(key({ source, name, code })) ?? null;
}

const FORM_LABELS: Record<'name' | 'code' | 'goal' | 'unit', RegExp> = {
  name: /^项目名称$/,
  code: /^项目(编码|代码)$/,
  goal: /^(年度总体目标|年度绩效目标|项目年度绩效目标|年度目标)$/,
  unit: /^(预算单位|实施单位|单位名称)$/,
};

/** The per-project form (SPEC §7): 项目名称 / 年度总体目标 / 预算单位 as label–value pairs above the indicator header. */
/** The whole project's goal, taken only when the form states no goal for the year. */
const WHOLE_GOAL = /^(项目总体目标|总体目标|项目绩效目标|项目总目标)$/;
/** Labels that head a goal column rather than hold a goal (`总体目标 | 中期目标 | | 年度目标`). */
const GOAL_LABEL = /^(中期目标|长期目标|年度目标|项目总目标|年度总体目标|中期滚动目标.*)$/;

/** The form's money: the year's amount before the whole project's (`年度资金申请总额` before `项目资金总额`). */
const FORM_FUNDS = [/^(年度资金申请总额|年度资金总额|年度预算数?|当年资金总额|本年度申请.*(资金|预算).*)$/, /^(项目资金总额|资金总额|项目总金额|项目金额|预算金额)$/];

function formProject(source: string, rows: string[][], from: number, headerRow: number, unitName: string | null, reading: TargetTableReading, moneyScale: TableHeader['fundsScale']): ImportedProject | null {
  const found: Partial<Record<keyof typeof FORM_LABELS, string>> = {};
  const funds: { text: string; scale: TableHeader['fundsScale'] }[] = [];
  let wholeGoal = '';
  // a label's value is to its right, or under it when the form puts the texts on the next row (年度总体目标)
  const valueOf = (r: number, c: number) => {
    const right = rows[r].slice(c + 1).find((v) => v !== '');
    return right && !GOAL_LABEL.test(right) ? right : r + 1 < headerRow ? (rows[r + 1][c] ?? '') : '';
  };
  for (let r = from; r < headerRow; r++) {
    rows[r].forEach((cell, c) => {
      const label = cell.replace(/[\s\u3000：:]/g, '');
      for (const [key, pattern] of Object.entries(FORM_LABELS) as [keyof typeof FORM_LABELS, RegExp][]) {
        if (!found[key] && pattern.test(label)) found[key] = valueOf(r, c);
      }
      if (!found.goal && !wholeGoal && WHOLE_GOAL.test(label)) wholeGoal = valueOf(r, c);
      FORM_FUNDS.forEach((pattern, rank) => {
        if (!funds[rank] && pattern.test(label)) funds[rank] = { text: rows[r][c + 1] ?? '', scale: formMoneyScale(rows, from, r) ?? moneyScale };
      });
    });
  }
  const amount = funds.find((f) => f && f.text);
  found.goal ||= wholeGoal;
  if (!found.name) {
    reading.errors.push({ source, row: headerRow + 1, column: COLUMN_LABELS.project, message: '表格没有“项目名称”列，表头上方也找不到项目名称' });
    return null;
  }
  const project: ImportedProject = { code: found.code || null, name: found.name, goal: found.goal ?? '', unitName: found.unit || unitName, unitRow: found.unit ? { code: null, name: found.unit } : null, indicators: [], source, row: headerRow + 1 };
  if (amount) {
    const yuan = fundsOf(amount.text, amount.scale);
    if (yuan.yuan) project.fundsTotal = yuan.yuan;
    // a form's amount only starts a new project's funds: one whose unit the form does not say is left for the lead, not a refusal
    if (yuan.problem && amount.scale === null && /^\d+(\.\d+)?$/.test(amount.text.replace(/[,，\s]/g, ''))) {
      reading.repairs.push({ source, row: headerRow + 1, column: COLUMN_LABELS.funds, message: `资金总额“${amount.text}”没有写明单位（万元或元），未导入；新建的项目请补填资金` });
    } else if (yuan.problem) reading.errors.push({ source, row: headerRow + 1, column: COLUMN_LABELS.funds, message: yuan.problem });
  }
  reading.projects.push(project);
  return project;
}

/**
 * The unit of a form's money row: said on the row itself (`年度资金总额（万元）`), or on the label row
 * over its block (`投入目标（万元） | 资金来源 | 年初安排金额（万元）`, up to three rows up).
 */
function formMoneyScale(rows: string[][], from: number, r: number): TableHeader['fundsScale'] {
  for (let above = r; above >= Math.max(from, r - 3); above--) {
    const said = rows[above].join('');
    if (/万元/.test(said)) return 10000;
    if (/（元）|\(元\)/.test(said)) return 1;
  }
  return null;
}

function readIndicator(
  cells: string[],
  at: (cells: string[], column: TargetColumn) => string,
  previous: ImportedIndicator | undefined,
  repaired: (column: TargetColumn, message: string) => void,
  refused: (column: TargetColumn, message: string) => void,
): ImportedIndicator | null {
  // an empty 一级/二级 continues the cell above, as a merged cell does in the official layout
  const level1 = normaliseIndicatorName(at(cells, 'level1')) || previous?.level1 || '';
  let level2 = normaliseIndicatorName(at(cells, 'level2')) || (at(cells, 'level1') ? '' : (previous?.level2 ?? ''));
  if (level2 === level1 && DEFAULT_LEVEL2[level1] && at(cells, 'level2')) {
    level2 = DEFAULT_LEVEL2[level1];
    repaired('level2', `二级指标写成了一级指标的名称“${level1}”，按“${level2}”导入`);
  }
  let name = at(cells, 'name');
  let comparator = at(cells, 'comparator');
  const alone = normaliseComparator(name);
  if (name && alone && alone !== '定性') {
    if (!comparator) {
      comparator = name;
      repaired('name', `三级指标列只有“${name}”，已移到指标性质；请补填指标名称`);
    } else if (normaliseComparator(comparator) === alone) {
      repaired('name', `三级指标列只有“${name}”，与指标性质重复，已清空；请补填指标名称`);
    } else {
      refused('name', `三级指标列是“${name}”，指标性质是“${comparator}”，无法判断哪个正确`);
      return null;
    }
    name = '';
  }
  const parsed = parseTargetValue(at(cells, 'value'), { comparator: comparator || null, unit: at(cells, 'unit') || null, kind: at(cells, 'kind') || null });
  parsed.repairs.forEach((r) => repaired('value', r));
  if (parsed.problems.length) {
    parsed.problems.forEach((p) => refused('value', p));
    return null;
  }
  const weightText = at(cells, 'weight').replace(/[,，\s]|分$/g, '');
  if (weightText && !/^\d+(\.\d+)?$/.test(weightText)) {
    refused('weight', `分值“${at(cells, 'weight')}”不是数字`);
    return null;
  }
  if (weightText && Number(weightText) > 1000) {
    refused('weight', `分值“${at(cells, 'weight')}”过大`);
    return null;
  }
  const tooLong = (Object.entries(LIMITS) as [TargetColumn, number][]).find(([column, limit]) => at(cells, column).length > limit);
  if (tooLong) {
    refused(tooLong[0], `${COLUMN_LABELS[tooLong[0]]}超过 ${tooLong[1]} 字`);
    return null;
  }
  const lastYear = lastYearOf(at(cells, 'lastYearActual'), parsed.unit, repaired);
  return {
    level1,
    level2,
    name: withoutInnerSpaces(name).replace(NUMBERING, ''),
    comparator: parsed.comparator,
    value: parsed.value,
    unit: parsed.unit,
    kind: parsed.kind,
    content: at(cells, 'content'),
    basis: at(cells, 'basis'),
    lastYearActual: lastYear.number,
    lastYearActualText: lastYear.text,
    weight: weightText || null,
    scoringRule: at(cells, 'scoringRule'),
    evidence: at(cells, 'evidence'),
  };
}

/** 资金总额 as yuan with two decimals, from the header's unit (万元 or 元). */
function fundsOf(cell: string, scale: TableHeader['fundsScale']): { yuan?: string; problem?: string } {
  let amount = cell.replace(/[,，\s]/g, '');
  // `480万元` says its own unit
  const own = /^(\d+(?:\.\d+)?)(万元|元)$/.exec(amount);
  if (own) [amount, scale] = [own[1], own[2] === '万元' ? 10000 : 1];
  if (!amount) return {};
  if (!/^\d+(\.\d+)?$/.test(amount)) return { problem: `资金总额“${cell}”不是数字` };
  if (scale === null) return { problem: `资金总额“${cell}”的表头没有写明单位（万元或元），请在表头注明` };
  return { yuan: new Decimal(amount).times(scale).toFixed(2) };
}

/** Spaces carry no meaning next to Chinese characters (`调研 次数`); between words and numbers one is kept. */
function withoutInnerSpaces(name: string): string {
  return name.replace(/\s+/g, ' ').replace(/ ?([\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) ?/g, '$1');
}

/**
 * 上年完成值 as a number when it is one in the target's unit (`88%` for a target in %, the unit
 * dropped); in another unit (`24 小时` against `≥90%`) or in words it is no number to compare with:
 * kept as written (SPEC §11 `lastYearActualText`), never stored as 24 — the sheet's checks flag it.
 */
function lastYearOf(raw: string, unit: string, repaired: (column: TargetColumn, message: string) => void): { number: string | null; text: string | null } {
  if (!raw) return { number: null, text: null };
  const last = /^([+-]?\d+(?:\.\d+)?)\s*(.*)$/.exec(raw.replace(/[,，]/g, ''));
  const glued = last?.[2].trim() ?? '';
  if (last && (!glued || (unit && sameUnit(glued, unit)))) {
    if (glued) repaired('lastYearActual', `上年完成值“${raw}”去掉了单位“${glued}”`);
    return { number: last[1], text: null };
  }
  return { number: null, text: raw.slice(0, 200) };
}

/** Every cell under a header, a project name under 项目名称 (when the table has one), a name and a target that reads. */
function fitsHeader(cells: string[], header: Map<TargetColumn, number>, named: Set<number>, at: (cells: string[], column: TargetColumn) => string): boolean {
  if (cells.some((c, index) => c !== '' && !named.has(index))) return false;
  if (header.has('project') && !at(cells, 'project')) return false;
  return !!at(cells, 'name') && parseTargetValue(at(cells, 'value'), { comparator: at(cells, 'comparator') || null, unit: at(cells, 'unit') || null }).problems.length === 0;
}

export interface Realigned {
  cells: string[];
  repair?: string;
  error?: string;
  /** Set when the row's 一级 told where it sits: how far the whole row was moved (right is positive; 0 in place). */
  shift?: number;
}

/**
 * A row that does not read as an indicator where it stands, moved back as little as makes it read: by the
 * one of these shifts (right is positive, as Realigned says) of the least size that does, no filled cell
 * dropped (SPEC §7, blocks put back by content).
 */
function putBack(raw: readonly string[], shifts: number[], reads: (cells: string[]) => boolean): { cells: string[]; shift: number } | null {
  if (reads([...raw])) return null;
  const fits = [...new Set(shifts)].flatMap((shift) => {
    if (shift === 0 || (shift < 0 && raw.slice(0, -shift).some((c) => c !== ''))) return [];
    const cells = shift > 0 ? [...Array<string>(shift).fill(''), ...raw] : raw.slice(-shift);
    return reads(cells) ? [{ cells, shift }] : [];
  });
  const least = fits.filter((f) => Math.abs(f.shift) === Math.min(...fits.map((g) => Math.abs(g.shift))));
  return least.length === 1 ? least[0] : null;
}

/** 本项目不适用此指标, 不适用: an indicator a template lists and the unit says does not apply. */
const NOT_APPLICABLE = /^(本项目)?(不适用|不涉及)(此|该|本)?(项)?(指标)?[。.]?$/;

/**
 * The shift that puts a row's last cell under the header's last column: a row copied from a web
 * page keeps only the cells of its own, the merged ones (项目, 一级, 二级) left above it.
 */
function rightAligned(raw: readonly string[], width: number): number {
  let last = raw.length - 1;
  while (last >= 0 && !raw[last]) last--;
  return last < 0 ? 0 : width - (last + 1);
}

/** `≥0%`: a target, never a 三级 name. */
const isTarget = (text: string) => {
  const { comparator, rest } = leadingComparator(text);
  return comparator !== null && /^[+-]?\d/.test(rest);
};
const DICTIONARY_NAMES = new Set([PROJECT_DICTIONARY, DEPARTMENT_DICTIONARY].flatMap((d) => [...Object.keys(d), ...Object.values(d).flat()]));

/**
 * Whether a row, as placed, reads as one indicator: every cell under a header, a 一级 (if any) that is
 * one, a 三级 name that is no 一级/二级 name, comparator or number, a target that reads, and the
 * 指标性质, 指标属性 and 分值 cells (if any) what they say they are.
 */
function readsAsIndicator(cells: string[], named: Set<number>, at: (cells: string[], column: TargetColumn) => string): boolean {
  if (cells.some((c, index) => c !== '' && !named.has(index))) return false;
  const [level1, name, comparator, kind, weight] = (['level1', 'name', 'comparator', 'kind', 'weight'] as const).map((c) => at(cells, c));
  if (level1 && !isLevel1Cell(level1)) return false;
  if (!name || DICTIONARY_NAMES.has(normaliseIndicatorName(name)) || normaliseComparator(name) || /^[\d.,，%\s]+$/.test(name) || isTarget(name)) return false;
  if ((comparator && !normaliseComparator(comparator)) || (kind && !normaliseKind(kind)) || (weight && !/^\d+(\.\d+)?分?$/.test(weight.replace(/[,，\s]/g, '')))) return false;
  const value = at(cells, 'value');
  return !!value && parseTargetValue(value, { comparator: comparator || null, unit: at(cells, 'unit') || null, kind: kind || null }).problems.length === 0;
}

/**
 * Published tables (PDF turned into text, copied spreadsheets) shift cells sideways. A row is put back
 * when the shift is unambiguous: the 一级 sits in another column and the cells it displaced are empty.
 */
export function realign(cells: readonly string[], level1Column: number, level2Column = level1Column + 1, plausible?: (moved: string[]) => boolean): Realigned {
  const copy = [...cells];
  const gap = level2Column - level1Column;
  // 成本指标 is a 一级 of the 2021 layout and a 二级 under 产出指标: after an empty cell (its merged 一级) it is the 二级,
  // unless one of its own 二级 follows it (`成本指标 | 经济成本指标`, or `成本指标 | 成本指标`)
  const asLevel2 = (cell: string, c: number) => {
    const [name, next] = [cell, copy[c + 1] ?? ''].map((n) => normaliseIndicatorName(n));
    return c >= gap && !copy[c - gap] && level1Of(name) !== null && next !== name && !level2Allowed(name, next);
  };
  const first = copy.findIndex(isLevel1Cell);
  if (first === -1) return { cells: copy };
  // where the row has its 一级 column: at its 一级, or at the empty cell before a 二级 成本指标
  const found = asLevel2(copy[first], first) ? first - gap : first;
  if (found === level1Column) return { cells: copy, shift: 0 };
  const by = Math.abs(found - level1Column);
  const empty = (from: number, to: number) => copy.slice(from, to).every((c) => !c);
  if (found < level1Column) {
    if (empty(level1Column, level1Column + 2) && !isLevel1Cell(copy[found + 1] ?? '')) {
      const moved = [...copy];
      [moved[level1Column], moved[level1Column + 1], moved[found], moved[found + 1]] = [copy[found], copy[found + 1] ?? '', '', ''];
      return { cells: moved, repair: `一级、二级指标错位到第 ${found + 1}–${found + 2} 列，已移回一级、二级指标列` };
    }
    const moved = [...Array<string>(by).fill(''), ...copy];
    // the whole row one way, when that puts everything under a header of its own (a project name under 项目名称 …)
    if (empty(0, found) || plausible?.(moved)) return { cells: moved, repair: `整行向左错位 ${by} 列，已按表头对齐`, shift: by };
  } else {
    if (empty(0, by)) return { cells: copy.slice(by), repair: `整行向右错位 ${by} 列，已按表头对齐`, shift: -by };
    if (empty(level1Column, found)) return { cells: [...copy.slice(0, level1Column), ...copy.slice(found)], repair: `指标部分向右错位 ${by} 列，已按表头对齐` };
  }
  return { cells: copy, error: `一级指标“${copy[first]}”在第 ${first + 1} 列，不在“一级指标”列，无法确定各列的对应关系` };
}

/** The row of column numbers under a header: 1 2 3 … */
function isNumberRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  return filled.length >= 3 && filled.every((c, i) => c === String(i + 1));
}

function checkCodes(reading: TargetTableReading): void {
  const byCode = new Map<string, ImportedProject>();
  for (const project of reading.projects) {
    if (!project.code) continue;
    const other = byCode.get(project.code);
    if (other && other.name !== project.name) {
      reading.errors.push({ source: project.source, row: project.row, column: COLUMN_LABELS.code, message: `项目编码 ${project.code} 同时用于“${other.name}”和“${project.name}”` });
    }
    byCode.set(project.code, project);
  }
}

function clip(cell: string): string {
  return cell.length > 20 ? `${cell.slice(0, 20)}…` : cell;
}

/** Text pasted from a spreadsheet or saved as .tsv: lines of tab-separated cells. */
export function rowsOfText(content: string): string[][] {
  return content.replace(/^\uFEFF/, '').split(/\r?\n/).map((line) => line.split('\t'));
}
