import Decimal from 'decimal.js';
import type { DepartmentBudget } from '../department/department-target';
import { DEFAULT_LEVEL2, DEPARTMENT_DICTIONARY, level2Allowed, normaliseIndicatorName } from '../indicators/dictionary';
import { parseTargetValue, sameUnit } from '../indicators/target-value';
import { cellText } from './cell-text';
import { inferLevel2 } from './department-summary-reader';
import { columnOf, TargetColumn } from './table-headers';
import { ImportedIndicator, ImportNote, realign, TableSource } from './target-table-reader';

/**
 * 部门（单位）整体绩效目标表 (SPEC §7), read into a department's overall target: the title
 * (…部门（单位）整体绩效目标表, 部门整体支出绩效目标申报表), 部门（单位）名称, 年度履职目标 (numbered or one
 * paragraph), 年度主要任务 (任务名称 | 主要内容, sometimes with 预算金额), 预算情况 by source and by kind (in
 * 万元 or 元, stored in yuan) and the indicator rows (department dictionary, optional 分值). Sections are
 * found by their label, wherever a province put them; in a whole disclosure document only this table is
 * read, and the other tables (收支总表, 三公经费, 项目支出绩效目标表 …) are passed over without a word.
 */
export interface ImportedDepartmentIndicator extends ImportedIndicator {
  /** The row of the table it was read from (from 1). */
  row: number;
}

export interface ImportedDepartmentTarget {
  source: string;
  /** The title row (or the first row read), from 1. */
  row: number;
  title: string | null;
  /** 部门（单位）名称, else the name in the title; null when the table names none. */
  departmentName: string | null;
  /** The year in the title (`2026年…`), when there is one. */
  fiscalYear: number | null;
  duties: string[];
  tasks: { name: string; content: string }[];
  /** In yuan, 2 decimals, whatever unit the table printed. */
  budget: DepartmentBudget;
  /** The unit the table's amounts were printed in. */
  budgetUnit: '万元' | '元';
  indicators: ImportedDepartmentIndicator[];
}

export interface DepartmentTargetReading {
  tables: number;
  targets: ImportedDepartmentTarget[];
  repairs: ImportNote[];
  errors: ImportNote[];
}

/** The title of the table, with its national and provincial names; a 自评表 reports results and is another table. */
const TITLE = /(部门|单位|部门（单位）|部门\(单位\))整体(支出)?绩效目标(申报|设定)?表/;
const SELF_EVALUATION = /自评|评价表/;
/** A line that heads another table of a disclosure document. */
const OTHER_TITLE = /表(（[^（）]*）)?$/;
/** What the title of a table in a budget or final-accounts document speaks of. */
const TABLE_WORDS = /20\d\d|预算|决算|绩效|经费|收支|支出|收入|资产|采购|转移支付|明细|情况|目标/;
/** Columns of a table that reports results (自评表, 执行监控表): no target table. */
const RESULT_WORDS = /^(实际完成值|全年实际值|得分|实际完成情况|偏差原因分析及改进措施)$/;
const NOTE = /^(说明|注|备注|填报说明)\s*[：:]|^注\s*\d|^备注\s*\d|^\d\s*[.、．]\s*(一级指标|资金来源|预算)/;
const UNIT_LINE = /^(金额)?单位\s*[：:]\s*(万元|元)$/;
const ORGANIZATION_LINE = /^(填报|申报|编制)?(单位|部门)(名称)?\s*[：:]\s*(.+)$/;

type Section = 'name' | 'duties' | 'tasks' | 'budget' | 'indicators' | 'other';

/** Section labels as provinces print them, compared without spaces, colons and a trailing （万元）. */
const SECTION_LABELS: [Section, RegExp][] = [
  ['name', /^(部门（单位）|部门\(单位\)|部门|单位|预算部门|预算单位|主管部门)名称$|^部门（单位）$/],
  ['duties', /^(年度|部门|部门年度|部门整体)?(履职目标|职能|职责|职能职责|主要职能|主要职责|工作目标|年度目标|总体目标|绩效目标|整体绩效目标|整体目标|总体绩效目标)$/],
  ['tasks', /^(年度|部门)?(主要|重点)(工作)?任务$|^年度主要工作$/],
  ['budget', /预算情况|预算安排|资金情况|部门预算|支出预算|预算资金|预算支出情况|年度预算$|资金安排/],
  ['indicators', /(绩效指标|指标体系|年度绩效指标)$/],
  ['other', /^(其他需说明事项|其他说明事项|其他说明|备注)$/],
];

type BudgetField = keyof DepartmentBudget;
/** Parts summed into 财政拨款, 其他资金 or 基本支出 when the table does not give those lines themselves (and checked against them when it does). */
type BudgetPart = 'appropriationPart' | 'otherPart' | 'basicPart' | 'projectPart';
type BudgetItem = BudgetField | BudgetPart;
const PART_FOR: Partial<Record<BudgetField, BudgetPart>> = { appropriation: 'appropriationPart', other: 'otherPart', basic: 'basicPart', project: 'projectPart' };
/** The 小计 (or 合计) column under a group header (基本支出 › 小计 | 其中：人员经费 | 其中：公用经费): the group's own amount. */
const SUBTOTAL = /^(小计|合计)$/;
/** A total row of the tasks' amounts (its label under 任务名称 or merged into the label column). */
const TASK_TOTAL = /^(金额|预算|资金)?(合计|总计|小计)$/;
/** The sign-off line under a table: 单位负责人：… 财务负责人：… 填表人：… */
const SIGNATURE = /^(填报人|填表人|联系人|联系电话|填报日期|单位负责人|财务负责人|部门负责人|审核人|制表人)\s*[：:]/;
const BUDGET_ITEMS: [BudgetItem, RegExp][] = [
  ['total', /^(年度|本年|部门)?(部门整体支出|整体支出|预算支出|预算|资金|支出|部门预算)?(总额|总计|合计)$|^金额合计$|^资金总额$/],
  ['basic', /^基本支出(预算|资金)?$/],
  ['project', /^项目支出(预算|资金)?$/],
  ['appropriation', /^(当年|本年)?财政(拨款|资金)(资金|收入)?$/],
  ['carryOver', /^上年结转(结余)?(资金)?$|^结转结余(资金)?$/],
  ['other', /^(其他资金|其他收入|非财政拨款(资金)?|其他)$/],
  ['appropriationPart', /^(一般公共预算|政府性基金(预算)?|国有资本经营预算)(财政)?(拨款|资金|收入)?$/],
  ['otherPart', /^(事业收入|经营收入|财政专户管理资金|单位资金|附属单位上缴收入|上级补助收入|单位自筹)$/],
  ['basicPart', /^(人员经费|公用经费|日常公用经费)(支出)?$/],
];
const BUDGET_LABELS: Record<BudgetField, string> = { total: '预算总额', basic: '基本支出', project: '项目支出', appropriation: '财政拨款', carryOver: '上年结转', other: '其他资金' };

const TASK_COLUMNS: ['name' | 'content' | 'amount', RegExp][] = [
  ['name', /^(任务名称|任务|主要任务名称|工作任务)$/],
  ['content', /^(主要内容|任务内容|内容|主要工作内容|具体内容)$/],
  ['amount', /^(预算金额|金额|预算数|资金)$/],
];

const LIMITS: Partial<Record<TargetColumn, number>> = { level1: 30, level2: 30, name: 200, value: 200, unit: 30 };
const LABELS: Partial<Record<TargetColumn, string>> = { level1: '一级指标', level2: '二级指标', name: '三级指标', value: '指标值', unit: '度量单位', comparator: '指标性质', weight: '分值', lastYearActual: '上年完成值' };
const MAX_DUTIES = 50;
const MAX_TASKS = 100;

/** A label as compared: no spaces, no colon, no trailing （万元）/（元）, no leading 其中：. */
function labelOf(text: string): string {
  return text
    .replace(/[\s\u3000]/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/^其中[：:]?/, '')
    .replace(/（(单位[：:])?(万元|元)）$/, '')
    .replace(/[：:]$/, '');
}

function unitIn(text: string): '万元' | '元' | null {
  const found = /[（(]\s*(单位[：:])?\s*(万元|元)\s*[)）]/.exec(text);
  return found ? (found[2] as '万元' | '元') : null;
}

function sectionOf(cell: string): Section | null {
  if (!cell) return null;
  const label = labelOf(cell);
  if (label.length > 20) return null;
  return SECTION_LABELS.find(([, pattern]) => pattern.test(label))?.[0] ?? null;
}

function budgetItemOf(cell: string): BudgetItem | null {
  if (!cell) return null;
  const label = labelOf(cell);
  if (label.length > 20) return null;
  return BUDGET_ITEMS.find(([, pattern]) => pattern.test(label))?.[0] ?? null;
}

const titleText = (cell: string) => cell.replace(/^#+\s*/, '').trim();
const isTitle = (cell: string) => TITLE.test(titleText(cell)) && !SELF_EVALUATION.test(cell);
const filledOf = (row: readonly string[]) => row.filter((c) => c !== '');
/** The texts of a row, a merged cell's copies (the same text in the cells beside it) read once. */
const distinctOf = (row: readonly string[]) => row.filter((c, i) => c !== '' && c !== row[i - 1]);

export function readDepartmentTargets(sources: readonly TableSource[]): DepartmentTargetReading {
  const reading: DepartmentTargetReading = { tables: 0, targets: [], repairs: [], errors: [] };
  for (const source of sources) {
    const rows = source.rows.map((row) => row.map(cellText));
    for (const [start, end] of tablesIn(source.name, rows)) {
      reading.tables++;
      reading.targets.push(new TableReader(source.name, rows, start, end, reading).read());
    }
  }
  return reading;
}

/** Where each 部门整体绩效目标表 of a source starts (its title) and ends (the next table's title). */
function tablesIn(name: string, rows: string[][]): [number, number][] {
  const starts: number[] = [];
  rows.forEach((row, i) => {
    const filled = distinctOf(row);
    if (filled.length >= 1 && filled.length <= 2 && isTitle(filled[0])) starts.push(i);
  });
  // the table without its title line: a sheet named after it, or the table's sections alone (no other table's title, no results)
  if (starts.length === 0) {
    const duties = rows.some((row) => sectionOf(filledOf(row)[0] ?? '') === 'duties');
    const indicators = rows.some((row) => row.some((c) => columnOf(c) === 'level1'));
    const alone = rows.every((row) => !endsTable(row) && !row.some((c) => RESULT_WORDS.test(c)));
    if (duties && indicators && (isTitle(name) || alone)) starts.push(0);
  }
  return starts.map((start, n) => {
    const limit = starts[n + 1] ?? rows.length;
    let end = start + 1;
    for (; end < limit; end++) if (endsTable(rows[end])) break;
    return [start, end];
  });
}

/** A line that heads another table (`2026年部门项目支出绩效目标表`, `## …`, `预算03表`) or a project table's header. */
function endsTable(row: readonly string[]): boolean {
  const filled = distinctOf(row);
  if (filled.length === 0) return false;
  const first = filled[0];
  if (first.startsWith('#')) return true;
  if (row.some((c) => columnOf(c) === 'project')) return true;
  if (filled.length <= 2 && first.length >= 4 && first.length <= 40 && OTHER_TITLE.test(first) && TABLE_WORDS.test(first) && !/[，。；,;]/.test(first) && !sectionOf(first) && !NOTE.test(first)) return true;
  return /^(预算|附表|附件)\s*\d+/.test(first) && filled.length <= 2;
}

interface Amount {
  value: Decimal;
  row: number;
  /** The label it was read under. */
  label: string;
}

interface BudgetColumn {
  item: BudgetItem;
  unit: '万元' | '元' | null;
  label: string;
}

/** One table's rows, section by section. */
class TableReader {
  private section: Section | null = null;
  private sectionLabel = '';
  /** The column section labels stand in (the first label's); before any, every column. */
  private labelColumn = Number.POSITIVE_INFINITY;
  private budgetUnit: '万元' | '元' | null = null;
  private budgetUnitStated = false;
  private readonly amounts = new Map<BudgetItem, Amount[]>();
  private budgetColumns = new Map<number, BudgetColumn>();
  /** The last row of budget labels, by column, until an amount is read under it: a row of sub-labels may follow (a 2-row group header). */
  private budgetGroups: Map<number, string> | null = null;
  private readonly duties: { label: string; texts: string[] }[] = [];
  private readonly tasks: { name: string; content: string; row: number }[] = [];
  private taskColumns: { name: number; content: number; amounts: Map<number, BudgetItem> } | null = null;
  private header: Map<TargetColumn, number> | null = null;
  private readonly indicators: ImportedDepartmentIndicator[] = [];
  private departmentName: string | null = null;
  private weightNoted = false;
  /** Whether the last indicator's 二级 stood in the table (a merged cell continues it), not inferred. */
  private level2Written = false;
  private readonly target: ImportedDepartmentTarget;

  constructor(
    private readonly source: string,
    private readonly rows: string[][],
    private readonly start: number,
    private readonly end: number,
    private readonly reading: DepartmentTargetReading,
  ) {
    const title = distinctOf(rows[start]).map(titleText).find(isTitle) ?? null;
    this.target = {
      source,
      row: start + 1,
      title,
      departmentName: title ? nameInTitle(title) : null,
      fiscalYear: title ? yearIn(title) : null,
      duties: [],
      tasks: [],
      budget: { total: '0.00', basic: '0.00', project: '0.00', appropriation: '0.00', carryOver: '0.00', other: '0.00' },
      budgetUnit: '万元',
      indicators: [],
    };
    const titleUnit = title ? unitIn(title) : null;
    if (titleUnit) this.stateUnit(titleUnit);
    const unitCell = distinctOf(rows[start]).find((c) => UNIT_LINE.test(c.replace(/[\s\u3000]/g, '')));
    if (unitCell) this.stateUnit(/万元/.test(unitCell) ? '万元' : '元');
  }

  private stateUnit(unit: '万元' | '元'): void {
    this.budgetUnit = unit;
    this.budgetUnitStated = true;
  }

  private note(list: 'repairs' | 'errors', row: number, column: string | null, message: string): void {
    this.reading[list].push({ source: this.source, row: row + 1, column, message });
  }

  read(): ImportedDepartmentTarget {
    const first = this.target.title ? this.start + 1 : this.start;
    for (let i = first; i < this.end; i++) this.readRow(i);
    const t = this.target;
    if (this.departmentName) t.departmentName = this.departmentName;
    t.duties = this.dutiesRead();
    t.tasks = this.tasks.map(({ name, content }) => ({ name, content }));
    t.indicators = this.indicators;
    t.budgetUnit = this.budgetUnit ?? '万元';
    t.budget = this.budgetRead();
    if (t.duties.length === 0) this.note('errors', this.start, '年度履职目标', '表中没有找到“年度履职目标”（或“部门职能”“年度总体目标”）');
    if (this.header === null) this.note('errors', this.start, '绩效指标', '表中没有找到绩效指标的表头（一级指标、二级指标、三级指标、指标值）');
    else if (this.indicators.length === 0 && !this.reading.errors.some((e) => e.source === this.source && e.row > this.start && e.row <= this.end)) {
      this.note('errors', this.start, '绩效指标', '表中没有绩效指标');
    }
    return t;
  }

  private readRow(i: number): void {
    const row = this.rows[i];
    const filled = distinctOf(row);
    if (filled.length === 0) return;
    const first = filled[0];
    if (NOTE.test(first) || SIGNATURE.test(first)) return;
    const unitCell = filled.find((c) => UNIT_LINE.test(c.replace(/[\s\u3000]/g, '')));
    if (unitCell) {
      this.stateUnit(/万元/.test(unitCell) ? '万元' : '元');
      if (filled.length === 1) return;
    }
    const organization = ORGANIZATION_LINE.exec(first);
    if (organization && filled.length === 1 && !/万元|元$/.test(organization[4])) {
      this.departmentName ??= organization[4].trim();
      return;
    }
    if (filled.length === 1 && /^[（(]?\s*20\d\d\s*年度?\s*[)）]?$/.test(first)) {
      this.target.fiscalYear ??= yearIn(first);
      return;
    }

    // an indicator header, wherever it stands (its section label merged beside it or not)
    const header = this.headerAt(i);
    if (header) {
      this.header = header.map;
      this.section = 'indicators';
      if (sectionOf(first)) {
        this.sectionLabel = first;
        this.labelColumn = row.indexOf(first);
      }
      if (header.rows === 2) this.rows[i + 1] = [];
      if (header.map.has('weight')) this.weightNoted = false;
      return;
    }

    // the section: its label opens it; a merged label repeated on the rows below keeps it
    // (a budget, a task or an indicator named like a section — 部门预算执行率 — stays where it is: labels stand in the label column)
    const all = row.map((c, index) => ({ text: c, index })).filter((c) => c.text !== '');
    let cells = this.section === 'budget' ? all : all.filter((c) => c.text !== row[c.index - 1]);
    const inLabelColumn = cells[0].index <= this.labelColumn && !(this.section === 'indicators' && this.header && this.isIndicatorRow(row));
    const leading = inLabelColumn ? sectionOf(cells[0].text) : null;
    if (leading) {
      if (leading !== this.section || cells[0].text !== this.sectionLabel) this.open(leading, cells[0].text, cells[0].index);
      cells = cells.filter((c) => c.text !== cells[0].text || sectionOf(c.text) !== leading);
    } else if (inLabelColumn && this.section !== 'budget' && this.section !== 'indicators' && budgetItemOf(first) && !this.isTaskTotal(cells)) {
      this.open('budget', '', cells[0].index);
    }
    // the label of a merged block copied into the first cells of each of its rows
    if (this.sectionLabel) cells = cells.filter((c) => c.text !== this.sectionLabel);
    if (cells.length === 0) return;
    switch (this.section) {
      case 'name':
        this.departmentName ??= cells[0].text;
        return;
      case 'duties':
        this.dutiesOf(cells.map((c) => c.text));
        return;
      case 'tasks':
        this.taskRow(i, cells);
        return;
      case 'budget':
        this.budgetRow(i, cells);
        return;
      case 'indicators':
        if (this.header) this.indicatorRow(i, row);
        return;
      default:
        return;
    }
  }

  private open(section: Section, label: string, column: number): void {
    this.section = section;
    this.sectionLabel = label;
    this.labelColumn = column;
    if (section === 'budget') {
      this.budgetColumns = new Map();
      this.budgetGroups = null;
      const unit = unitIn(label);
      if (unit) this.stateUnit(unit);
    }
    if (section === 'duties') this.duties.push({ label: labelOf(label), texts: [] });
    if (section === 'tasks') this.taskColumns = null;
  }

  /** 一级指标 / 三级指标 / 指标值 in this row, or in this row and the one below (a group header over them). */
  private headerAt(i: number): { map: Map<TargetColumn, number>; rows: 1 | 2 } | null {
    const columns = (row: readonly string[] | undefined) => {
      const map = new Map<TargetColumn, number>();
      (row ?? []).forEach((cell, index) => {
        const column = columnOf(cell);
        if (column && !map.has(column)) map.set(column, index);
      });
      return map;
    };
    const complete = (map: Map<TargetColumn, number>) => map.has('level1') && map.has('name') && map.has('value');
    const single = columns(this.rows[i]);
    if (!single.has('level1') && !single.has('value') && !single.has('name')) return null;
    if (complete(single)) return { map: single, rows: 1 };
    const below = this.rows[i + 1];
    const headerWords = (row: readonly string[] | undefined) => (row ?? []).every((c) => !c || columnOf(c) !== null || sectionOf(c) !== null || /指标$/.test(c));
    if (i + 1 < this.end && headerWords(below)) {
      const merged = new Map(single);
      for (const [column, index] of columns(below)) if (!merged.has(column)) merged.set(column, index);
      if (complete(merged)) return { map: merged, rows: 2 };
    }
    return null;
  }

  private isIndicatorRow(row: readonly string[]): boolean {
    const at = (column: TargetColumn) => row[this.header?.get(column) ?? -1] ?? '';
    return at('name') !== '' || at('value') !== '';
  }

  // —— 年度履职目标 ——

  private dutiesOf(texts: string[]): void {
    const current = this.duties.at(-1);
    if (current) current.texts.push(...texts);
  }

  private dutiesRead(): string[] {
    const mainly = this.duties.filter((d) => /履职|职能|职责/.test(d.label));
    const chosen = mainly.length ? mainly : this.duties;
    const duties = chosen.flatMap((d) => splitNumbered(d.texts.join('\n')));
    const dutyRow = this.start;
    if (duties.length > MAX_DUTIES) this.note('errors', dutyRow, '年度履职目标', `年度履职目标有 ${duties.length} 条，最多 ${MAX_DUTIES} 条`);
    const long = duties.findIndex((d) => d.length > 2000);
    if (long !== -1) this.note('errors', dutyRow, '年度履职目标', `第 ${long + 1} 条履职目标超过 2000 字`);
    return duties;
  }

  // —— 年度主要任务 ——

  private taskRow(i: number, cells: { text: string; index: number }[]): void {
    const named = cells.map((c) => ({ ...c, column: TASK_COLUMNS.find(([, p]) => p.test(labelOf(c.text)))?.[0] ?? null }));
    const nameHeader = named.find((c) => c.column === 'name');
    if (nameHeader) {
      const content = named.find((c) => c.column === 'content');
      this.taskColumns = { name: nameHeader.index, content: content?.index ?? nameHeader.index + 1, amounts: new Map() };
      for (const c of cells) {
        const item = budgetItemOf(c.text);
        if (item) this.taskColumns.amounts.set(c.index, item);
        else if (named.find((n) => n.index === c.index)?.column === 'amount') this.taskColumns.amounts.set(c.index, 'total');
        const unit = unitIn(c.text);
        if (unit && (item || /金额|预算/.test(c.text))) this.stateUnit(unit);
      }
      return;
    }
    // the amounts' own header row under 预算金额 (总额 | 财政拨款 | 其他资金)
    if (this.taskColumns && cells.every((c) => budgetItemOf(c.text))) {
      for (const c of cells) this.taskColumns.amounts.set(c.index, budgetItemOf(c.text) as BudgetItem);
      return;
    }
    const columns = this.taskColumns;
    const name = columns ? (this.rows[i][columns.name] ?? '') : cells[0].text;
    if (columns && this.isTaskTotal(cells)) {
      for (const [index, item] of columns.amounts) {
        const text = this.rows[i][index] ?? '';
        if (text) this.amount(i, item, text, null, BUDGET_LABELS[item as BudgetField] ?? '预算金额');
      }
      return;
    }
    let content = columns ? (this.rows[i][columns.content] ?? '') : (cells[1]?.text ?? '');
    if (columns && content === name) content = '';
    if (!columns && cells.length === 1) {
      // one paragraph of tasks: 1.名称：内容 2.…
      for (const item of splitNumbered(cells[0].text)) {
        const pair = /^([^：:。；;]{1,60})[：:](.+)$/s.exec(item);
        this.addTask(i, pair ? pair[1].trim() : item, pair ? pair[2].trim() : '');
      }
      return;
    }
    if (!name && !content) return;
    if (!name) {
      this.note('errors', i, '任务名称', `主要内容“${clip(content)}”没有任务名称`);
      return;
    }
    this.addTask(i, withoutNumber(name), content);
  }

  /** The tasks' 金额合计 row: its label under 任务名称, or merged into the section's label column, left of the amounts. */
  private isTaskTotal(cells: { text: string; index: number }[]): boolean {
    const columns = this.taskColumns;
    if (this.section !== 'tasks' || !columns || columns.amounts.size === 0) return false;
    const firstAmount = Math.min(...columns.amounts.keys());
    return cells.some((c) => c.index < firstAmount && TASK_TOTAL.test(labelOf(c.text)));
  }

  private addTask(i: number, name: string, content: string): void {
    if (name.length > 200) return this.note('errors', i, '任务名称', '任务名称超过 200 字');
    if (content.length > 2000) return this.note('errors', i, '主要内容', '主要内容超过 2000 字');
    if (this.tasks.length >= MAX_TASKS) return this.note('errors', i, '任务名称', `主要任务最多 ${MAX_TASKS} 项`);
    this.tasks.push({ name, content, row: i + 1 });
  }

  // —— 预算情况 ——

  private budgetRow(i: number, cells: { text: string; index: number }[]): void {
    const labels = cells.filter((c) => budgetItemOf(c.text) !== null);
    const numbers = cells.filter((c) => moneyText(c.text) !== null);
    // a row of sub-labels under a row of labels (基本支出 › 小计 | 其中：人员经费 | 其中：公用经费): each column takes its own
    // label, else the group's (小计 is the group's amount, an unnamed part of 基本支出 is a part of it)
    const groups = this.budgetGroups;
    if (groups && numbers.length === 0 && cells.every((c) => isLabelText(c.text))) {
      this.budgetGroups = null;
      for (const c of cells) {
        const group = groupOf(groups, c.index);
        const groupItem = group ? this.budgetColumns.get(group.index)?.item : undefined;
        const label = labelOf(c.text);
        const item = groupItem && SUBTOTAL.test(label) ? groupItem : (budgetItemOf(c.text) ?? (groupItem && groupItem in PART_FOR ? PART_FOR[groupItem as BudgetField] : null));
        if (!item) continue;
        const unit = unitIn(c.text) ?? (group ? (this.budgetColumns.get(group.index)?.unit ?? null) : null);
        this.budgetColumns.set(c.index, { item, unit, label: item === groupItem ? (group?.label ?? label) : label });
      }
      return;
    }
    // a row of labels (年度预算总额 | 基本支出 | 项目支出 | 财政拨款 …): the values follow in the rows below, by column;
    // a new row of labels (按收入来源 … then 按支出类别 …) replaces the columns of the one before
    if (labels.length >= 2 && numbers.length === 0) {
      this.budgetColumns = new Map();
      for (const c of labels) this.budgetColumns.set(c.index, { item: budgetItemOf(c.text) as BudgetItem, unit: unitIn(c.text), label: labelOf(c.text) });
      this.budgetGroups = new Map(cells.map((c) => [c.index, labelOf(c.text)]));
      return;
    }
    if (numbers.length > 0) this.budgetGroups = null;
    let pending: { item: BudgetItem; unit: '万元' | '元' | null; label: string } | null = null;
    cells.forEach((c, n) => {
      const item = budgetItemOf(c.text);
      if (item) {
        pending = { item, unit: unitIn(c.text), label: labelOf(c.text) };
        return;
      }
      if (moneyText(c.text) !== null || /^[\d,，.]+(万元|万|元)?$/.test(c.text.replace(/\s/g, ''))) {
        const previous = cells[n - 1];
        if (pending) {
          this.amount(i, pending.item, c.text, pending.unit, pending.label);
          pending = null;
        } else if (this.budgetColumns.has(c.index)) {
          const column = this.budgetColumns.get(c.index) as BudgetColumn;
          this.amount(i, column.item, c.text, column.unit, BUDGET_LABELS[column.item as BudgetField] ?? column.label);
        } else if (!(previous && previous.index === c.index - 1 && previous.text === c.text)) {
          this.note('errors', i, '预算情况', `金额“${c.text}”不在任何预算项目之下，无法确定是哪一项`);
        }
        return;
      }
      if (pending) {
        this.amount(i, pending.item, c.text, pending.unit, pending.label);
        pending = null;
        return;
      }
      // 财政拨款：2714.05万元，其他资金：0 … written in one cell
      const inline = [...c.text.matchAll(/([\u4e00-\u9fff（）()：:]{2,16}?)\s*[：:为]?\s*([\d,，]+(?:\.\d+)?)\s*(万元|元)?/g)];
      let found = false;
      for (const [, label, value, unit] of inline) {
        const inlineItem = budgetItemOf(label.replace(/^(其中|含)[：:]?/, '').replace(/[：:为]$/, ''));
        if (!inlineItem) continue;
        found = true;
        this.amount(i, inlineItem, `${value}${unit ?? ''}`, null, labelOf(label));
      }
      if (!found && pending === null && c.text !== this.sectionLabel) {
        if (c.text.length <= 20 && /^[\u4e00-\u9fff（）()、]+$/.test(c.text)) return;
        this.note('errors', i, '预算情况', `“${clip(c.text)}”不是预算项目或金额`);
      }
    });
  }

  private amount(i: number, item: BudgetItem, text: string, labelUnit: '万元' | '元' | null, label: string): void {
    const written = moneyText(text);
    const compact = text.replace(/[,，\s]/g, '');
    const valueUnit = /万元?$/.test(compact) ? '万元' : /元$/.test(compact) ? '元' : null;
    const number = compact.replace(/(万元|万|元)$/, '');
    if (written === null || !/^\d{1,16}(\.\d+)?$/.test(number)) {
      this.note('errors', i, `预算情况·${label}`, `金额“${text}”不是数字`);
      return;
    }
    const unit = labelUnit ?? valueUnit ?? this.budgetUnit;
    if (unit) this.budgetUnitStated = true;
    this.budgetUnit ??= unit;
    const yuan = new Decimal(number).times((unit ?? '万元') === '万元' ? 10_000 : 1);
    if (yuan.decimalPlaces() > 2) this.note('repairs', i, `预算情况·${label}`, `金额“${text}”折合 ${yuan.toFixed()} 元，已四舍五入到分`);
    const list = this.amounts.get(item) ?? [];
    if (list.some((a) => a.row === i + 1 && a.value.equals(yuan))) return;
    list.push({ value: yuan.toDecimalPlaces(2, Decimal.ROUND_HALF_UP), row: i + 1, label });
    this.amounts.set(item, list);
  }

  private budgetRead(): DepartmentBudget {
    const row = this.start;
    const one = (item: BudgetItem): Amount | null => {
      const list = this.amounts.get(item) ?? [];
      if (list.length > 1 && !list.every((a) => a.value.equals(list[0].value))) {
        this.note('errors', list[1].row - 1, `预算情况·${BUDGET_LABELS[item as BudgetField] ?? '金额'}`, `${BUDGET_LABELS[item as BudgetField] ?? '金额'}在第 ${list[0].row} 行和第 ${list[1].row} 行各写了一次，金额不同`);
      }
      return list[0] ?? null;
    };
    const sumOf = (item: BudgetPart): Amount | null => {
      const list = this.amounts.get(item) ?? [];
      return list.length ? { value: list.reduce((s, a) => s.plus(a.value), new Decimal(0)), row: list[0].row, label: [...new Set(list.map((a) => a.label))].join('、') } : null;
    };
    // a line given with its parts (基本支出 with 其中：人员经费、公用经费): the line is read, its parts only checked against it
    const withParts = (field: BudgetField): Amount | null => {
      const given = one(field);
      const part = PART_FOR[field];
      const parts = part ? sumOf(part) : null;
      if (!given || !parts || given.value.equals(parts.value)) return given ?? parts;
      const off = parts.value.minus(given.value).abs();
      const lines = (this.amounts.get(part as BudgetPart) ?? []).length + 1;
      const rounding = this.budgetUnit !== '元' && off.lessThanOrEqualTo(100 * lines) ? `（相差 ${yuanText(off)} 元，可能是万元取整所致）` : '';
      this.note('repairs', parts.row - 1, `预算情况·${BUDGET_LABELS[field]}`, `${BUDGET_LABELS[field]} ${yuanText(given.value)} 元不等于其中${parts.label}之和 ${yuanText(parts.value)} 元${rounding}，按${BUDGET_LABELS[field]}导入，请核对`);
      return given;
    };
    const total = one('total');
    const basic = withParts('basic');
    const project = withParts('project');
    const appropriation = withParts('appropriation');
    const carryOver = one('carryOver');
    const other = withParts('other');
    const zero = new Decimal(0);
    const value = (a: Amount | null) => a?.value ?? zero;
    const anyKind = !!(basic || project);
    const anySource = !!(appropriation || carryOver || other);
    if (!total && !anyKind && !anySource) {
      this.note('repairs', row, '预算情况', '表中没有预算情况，预算按 0 导入，请在部门整体绩效目标页填写');
      return this.target.budget;
    }
    if (!this.budgetUnitStated) this.note('repairs', row, '预算情况', '表中未注明金额单位，按万元读取，请核对');
    const budgetTotal = total?.value ?? (anyKind ? value(basic).plus(value(project)) : value(appropriation).plus(value(carryOver)).plus(value(other)));
    // published tables in 万元 round each line to the cent of 万元: their sum may miss the total by that much per line
    const tolerance = (lines: number) => new Decimal(this.budgetUnit === '元' ? 0 : 100 * lines);
    const compare = (parts: Decimal, lines: number, what: string, at: Amount | null) => {
      const off = parts.minus(budgetTotal).abs();
      if (off.isZero()) return;
      const message = `预算总额 ${yuanText(budgetTotal)} 元不等于${what}之和 ${yuanText(parts)} 元`;
      if (off.lessThanOrEqualTo(tolerance(lines))) this.note('repairs', (at?.row ?? row + 1) - 1, '预算情况', `${message}（相差 ${yuanText(off)} 元，可能是万元取整所致），按表中金额导入，请在部门整体绩效目标页核对`);
      else this.note('errors', (at?.row ?? row + 1) - 1, '预算情况', message);
    };
    if (total && anyKind) compare(value(basic).plus(value(project)), 2, '基本支出与项目支出', basic ?? project);
    if (total && anySource) compare(value(appropriation).plus(value(carryOver)).plus(value(other)), 3, '财政拨款、上年结转与其他资金', appropriation ?? other ?? carryOver);
    if (!anyKind && budgetTotal.greaterThan(0)) this.note('repairs', (total?.row ?? row + 1) - 1, '预算情况', '表中未分基本支出、项目支出，请在部门整体绩效目标页补填');
    let appropriationValue = value(appropriation);
    if (!anySource && budgetTotal.greaterThan(0)) {
      appropriationValue = budgetTotal;
      this.note('repairs', (total?.row ?? row + 1) - 1, '预算情况', `表中未按资金来源列出预算，预算总额 ${yuanText(budgetTotal)} 元记为财政拨款`);
    }
    const money = (d: Decimal) => d.toFixed(2, Decimal.ROUND_HALF_UP);
    return { total: money(budgetTotal), basic: money(value(basic)), project: money(value(project)), appropriation: money(appropriationValue), carryOver: money(value(carryOver)), other: money(value(other)) };
  }

  // —— 绩效指标 ——

  private indicatorRow(i: number, raw: string[]): void {
    const header = this.header as Map<TargetColumn, number>;
    const aligned = realign(raw, header.get('level1') as number, header.get('level2'));
    if (aligned.error) return this.note('errors', i, null, aligned.error);
    if (aligned.repair) this.note('repairs', i, null, aligned.repair);
    const cells = aligned.cells;
    const at = (column: TargetColumn) => {
      const index = header.get(column);
      return index === undefined ? '' : (cells[index] ?? '');
    };
    const filled = (['level1', 'level2', 'name', 'comparator', 'value', 'unit'] as const).some((c) => at(c) !== '');
    if (!filled || isNumberRow(cells)) return;
    const mapped = new Set(header.values());
    const stray = cells.findIndex((c, index) => c !== '' && !mapped.has(index) && c !== this.sectionLabel && c !== cells[index - 1] && sectionOf(c) === null);
    if (stray !== -1) return this.note('errors', i, null, `第 ${stray + 1} 列“${clip(cells[stray])}”不在任何表头之下，无法确定是哪一项`);
    const refuse = (column: TargetColumn | null, message: string) => this.note('errors', i, column ? (LABELS[column] ?? column) : null, message);
    const repair = (column: TargetColumn, message: string) => this.note('repairs', i, LABELS[column] ?? column, message);
    const previous = this.indicators.at(-1);

    const level1 = departmentName(at('level1')) || previous?.level1 || '';
    if (!level1) return refuse('level1', '缺少一级指标');
    if (!Object.prototype.hasOwnProperty.call(DEPARTMENT_DICTIONARY, level1)) {
      return refuse('level1', `一级指标“${at('level1') || level1}”不在部门整体绩效指标字典中（应为 ${Object.keys(DEPARTMENT_DICTIONARY).join('、')} 之一）`);
    }
    const name = at('name').replace(/\s+/g, ' ').replace(/ ?([\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]) ?/g, '$1');
    const value = at('value');
    if (!name) return refuse('name', value ? `指标值“${clip(value)}”没有三级指标名称` : '缺少三级指标名称');
    if (!value) return refuse('value', `三级指标“${clip(name)}”没有指标值`);

    let level2 = departmentName(at('level2'));
    const written = level2 !== '';
    if (level2 && level2 === level1 && !level2Allowed(level1, level2, DEPARTMENT_DICTIONARY)) {
      const meant = DEFAULT_LEVEL2[level1] ?? inferDepartmentLevel2(level1, name, value);
      if (meant) {
        repair('level2', `二级指标写成了一级指标的名称“${level1}”，按“${meant}”导入`);
        level2 = meant;
      }
    }
    if (!level2) {
      // an empty 二级 under an empty 一级 continues the merged cells above; else (or with no 二级 column) it is inferred from the name
      if (header.has('level2') && !at('level1') && previous?.level1 === level1 && this.level2Written) level2 = previous.level2;
      if (!level2) {
        const inferred = inferDepartmentLevel2(level1, name, value);
        if (!inferred) return refuse('level2', `缺少二级指标，无法从“${clip(name)}”推断（${level1}下应为 ${DEPARTMENT_DICTIONARY[level1].join('、')} 之一）`);
        level2 = inferred;
        repair('level2', `二级指标为空，按名称推断为“${level2}”`);
      }
    }

    const parsed = parseTargetValue(value, { comparator: at('comparator') || null, unit: at('unit') || null, kind: at('kind') || null });
    parsed.repairs.forEach((r) => repair('value', r));
    if (parsed.problems.length) {
      parsed.problems.forEach((p) => refuse('value', p));
      return;
    }
    const weightText = at('weight').replace(/[,，\s]|分$/g, '');
    if (weightText && !/^\d+(\.\d+)?$/.test(weightText)) return refuse('weight', `分值“${at('weight')}”不是数字`);
    if (weightText && !this.weightNoted) {
      this.weightNoted = true;
      repair('weight', '部门整体绩效目标不设分值，分值列只作核对，不导入');
    }
    const tooLong = (Object.entries(LIMITS) as [TargetColumn, number][]).find(([column, limit]) => (column === 'name' ? name : column === 'level2' ? level2 : at(column)).length > limit);
    if (tooLong) return refuse(tooLong[0], `${LABELS[tooLong[0]]}超过 ${tooLong[1]} 字`);
    const lastYear = lastYearOf(at('lastYearActual'), parsed.unit);
    this.level2Written = written || this.level2Written && !at('level1');
    this.indicators.push({
      level1,
      level2,
      name,
      comparator: parsed.comparator,
      value: parsed.value,
      unit: parsed.unit,
      kind: parsed.kind,
      content: at('content'),
      basis: at('basis'),
      lastYearActual: lastYear.number,
      lastYearActualText: lastYear.text,
      weight: weightText || null,
      scoringRule: at('scoringRule'),
      evidence: at('evidence'),
      row: i + 1,
    });
  }
}

/** A 一级 or 二级 as the department dictionary names it: `投入管理` → `投入管理指标`, `履职效能指标` → `履职效能`. */
function departmentName(raw: string): string {
  const name = normaliseIndicatorName(raw, DEPARTMENT_DICTIONARY);
  const known = (n: string) => Object.prototype.hasOwnProperty.call(DEPARTMENT_DICTIONARY, n) || Object.values(DEPARTMENT_DICTIONARY).some((l2) => l2.includes(n));
  if (!known(name) && name.endsWith('指标') && known(name.slice(0, -2))) return name.slice(0, -2);
  return name;
}

const BUDGET_WORDS = /预算|资金|财务|支出|执行|资产|采购|结转|收支|经费/;
const PERFORMANCE_WORDS = /绩效|评价|自评|监控/;

/** The 二级 a department table leaves out, from the 一级 and the indicator's name; null when the name does not tell. */
export function inferDepartmentLevel2(level1: string, name: string, value: string): string | null {
  const choices = DEPARTMENT_DICTIONARY[level1] ?? [];
  if (choices.length === 1) return choices[0];
  if (level1 === '投入管理指标') return PERFORMANCE_WORDS.test(name) ? '绩效管理' : BUDGET_WORDS.test(name) ? '预算和财务管理' : /目标|计划|任务|制度/.test(name) ? '工作目标管理' : null;
  const inferred = inferLevel2(level1, name, value);
  return choices.includes(inferred) ? inferred : null;
}

const CHINESE_NUMBERS = '一二三四五六七八九十';
function ordinalOf(text: string): number {
  if (/^\d+$/.test(text)) return Number(text);
  if (/^[①-⑳]$/.test(text)) return text.charCodeAt(0) - 0x2460 + 1;
  if (text === '十') return 10;
  if (text.startsWith('十')) return 10 + CHINESE_NUMBERS.indexOf(text[1]) + 1;
  if (text.length === 2 && text.endsWith('十')) return (CHINESE_NUMBERS.indexOf(text[0]) + 1) * 10;
  if (text.length === 3 && text[1] === '十') return (CHINESE_NUMBERS.indexOf(text[0]) + 1) * 10 + CHINESE_NUMBERS.indexOf(text[2]) + 1;
  return CHINESE_NUMBERS.indexOf(text) + 1;
}

/** `1.` `2、` `（一）` `一、` `(1)` `①` `一是` at the start of the text or after a line end, space or sentence end. */
const MARKERS: RegExp[] = [
  /(?:^|(?<=[\n\s。；;！!：:]))(\d{1,2})\s*[.、．](?!\d)/g,
  /(?:^|(?<=[\n\s。；;！!：:]))[（(]\s*([一二三四五六七八九十]{1,3})\s*[)）]/g,
  /(?:^|(?<=[\n\s。；;！!：:]))([一二三四五六七八九十]{1,3})\s*、/g,
  /(?:^|(?<=[\n\s。；;！!：:]))[（(]\s*(\d{1,2})\s*[)）]/g,
  /(?:^|(?<=[\n\s。；;！!：:]))(\d{1,2})\s*[)）]/g,
  /([①-⑳])/g,
  /(?:^|(?<=[\n\s。；;！!，,]))([一二三四五六七八九十]{1,3})是/g,
];

/**
 * Items of a numbered text (`1.… 2.…`, `（一）…（二）…`, `一是…二是…`): the markers counted 1, 2, 3 … in
 * order, so a `2.5 万元` inside an item splits nothing. Without numbering, lines are items; one
 * paragraph is one item.
 */
export function splitNumbered(text: string): string[] {
  const clean = (item: string) => item.replace(/^[\s\u3000]+|[\s\u3000；;，,]+$/g, '').replace(/[ \t\u3000]*\n[ \t\u3000]*/g, '');
  for (const pattern of MARKERS) {
    const cuts: { at: number; length: number }[] = [];
    let expected = 1;
    for (const match of text.matchAll(pattern)) {
      if (ordinalOf(match[1]) !== expected) continue;
      cuts.push({ at: match.index ?? 0, length: match[0].length });
      expected++;
    }
    if (cuts.length < 2 && !(cuts.length === 1 && text.slice(0, cuts[0].at).trim() === '')) continue;
    const items: string[] = [];
    const preamble = text.slice(0, cuts[0].at).trim();
    if (preamble && !/[：:]$/.test(preamble)) items.push(clean(preamble));
    cuts.forEach((cut, n) => items.push(clean(text.slice(cut.at + cut.length, cuts[n + 1]?.at ?? text.length))));
    return items.filter(Boolean);
  }
  const lines = text.split('\n').map(clean).filter(Boolean);
  return lines;
}

function withoutNumber(name: string): string {
  return name.replace(/^(\d{1,2}\s*[.、．)）]|[（(]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*、|[①-⑳])\s*/, '').trim();
}

/** A short label (小计, 其中：人员经费, 按支出类别), no amount. */
function isLabelText(text: string): boolean {
  return text.length <= 20 && /^[\u4e00-\u9fff（）()、：:]+$/.test(text.replace(/[\s\u3000]/g, ''));
}

/** The label of the group a column stands under: the nearest filled cell of the group row at or left of it. */
function groupOf(groups: Map<number, string>, index: number): { index: number; label: string } | null {
  let found: { index: number; label: string } | null = null;
  for (const [at, label] of groups) if (at <= index && (!found || at > found.index)) found = { index: at, label };
  return found;
}

/** An amount as printed (`2,714.05`, `2714.05万元`, `27140532.56元`), or null. */
function moneyText(text: string): string | null {
  const compact = text.replace(/[,，\s]/g, '').replace(/(万元|万|元)$/, '');
  return /^\d+(\.\d+)?$/.test(compact) ? compact : null;
}

function yuanText(value: Decimal): string {
  const [whole, cents] = value.toFixed(2, Decimal.ROUND_HALF_UP).split('.');
  return `${whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${cents}`;
}

function yearIn(text: string): number | null {
  const found = /(20\d\d)\s*年/.exec(text);
  return found ? Number(found[1]) : null;
}

/** `曲靖市信访局2026年部门整体绩效目标表` → `曲靖市信访局`; null when the title names no department. */
function nameInTitle(title: string): string | null {
  const name = title
    .replace(TITLE, '')
    .replace(/[（(]\s*20\d\d\s*年度?\s*[)）]/, '')
    .replace(/20\d\d\s*年度?/, '')
    .replace(/[（(][^（）()]*[)）]$/, '')
    .replace(/[\s\u3000]/g, '')
    .trim();
  return name.length >= 2 && !/^(部门|单位|年度)$/.test(name) ? name : null;
}

function isNumberRow(cells: readonly string[]): boolean {
  const filled = cells.filter((c) => c !== '');
  return filled.length >= 3 && filled.every((c, i) => c === String(i + 1));
}

/** 上年完成值 as a number in the target's unit, else kept as written (SPEC §11 `lastYearActualText`). */
function lastYearOf(raw: string, unit: string): { number: string | null; text: string | null } {
  if (!raw) return { number: null, text: null };
  const last = /^([+-]?\d+(?:\.\d+)?)\s*(.*)$/.exec(raw.replace(/[,，]/g, ''));
  const glued = last?.[2].trim() ?? '';
  if (last && (!glued || (unit && sameUnit(glued, unit)))) return { number: last[1], text: null };
  return { number: null, text: raw.slice(0, 200) };
}

function clip(cell: string): string {
  return cell.length > 20 ? `${cell.slice(0, 20)}…` : cell;
}
