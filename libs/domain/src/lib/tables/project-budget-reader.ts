import Decimal from 'decimal.js';
import { formatYuan } from '../money/money';
import { PROJECT_CATEGORIES, PROJECT_LEVELS, ProjectLevel } from '../projects/project';
import { cellText } from './cell-text';
import { isTitleLine, isTotalRow } from './table-bounds';

/**
 * A project's line in a budget table of the same disclosure document (SPEC §7): the
 * 项目支出中期规划预算表 or the 项目支出预算表 give each project's 项目分类 and this year's amount,
 * which the target tables do not.
 */
export interface ProjectBudgetLine {
  name: string;
  code: string | null;
  category: string | null;
  level: ProjectLevel | null;
  /** This year's amount in yuan with two decimals; null when the table does not say 元 or 万元. */
  amount: string | null;
  /** The table's title (`2026年部门项目支出中期规划预算表`). */
  table: string;
  source: string;
  /** Row of the line (the first of a project's lines, 1-based). */
  row: number;
}

interface Source {
  name: string;
  rows: readonly (readonly (string | null | undefined)[])[];
}

const compact = (text: string) => text.replace(/[\s\u3000]/g, '');
const MONEY_LINE = /^(金额|资金)?单位[：:](万元|元)$/;
const NOTE = /^(说明|注|备注)[：:]|^注\d/;
const AMOUNT = /^\d+(\.\d+)?$/;

/** Reads every 中期规划 / 项目支出预算表 of the sources: one line per project and table. */
export function readProjectBudgets(sources: readonly Source[]): ProjectBudgetLine[] {
  const lines: ProjectBudgetLine[] = [];
  for (const source of sources) {
    const rows = source.rows.map((row) => row.map(cellText));
    let title = '';
    let scale: 1 | 10000 | null = null;
    for (let i = 0; i < rows.length; i++) {
      if (isTitleLine(rows[i])) {
        title = (rows[i].find((c) => c !== '') ?? '').replace(/^#+\s*/, '').trim();
        scale = null;
        continue;
      }
      const money = rows[i].some((c) => c.includes('单位')) ? rows[i].map((c) => MONEY_LINE.exec(compact(c))).find(Boolean) : null;
      if (money) scale = money[2] === '万元' ? 10000 : 1;
      const header = budgetHeader(rows, i, title);
      if (header) i = readBudgetTable(source.name, rows, header, title, header.scale ?? scale, lines) - 1;
    }
  }
  return lines;
}

interface BudgetHeader {
  name: number;
  category: number;
  code: number | null;
  level: number | null;
  amount: number;
  scale: 1 | 10000 | null;
  bodyStart: number;
}

/** A header with 项目名称 and 项目分类, and an amount column: 合计, or this year's column under it (`2026年`). */
function budgetHeader(rows: string[][], i: number, title: string): BudgetHeader | null {
  if (!rows[i].some((c) => c.includes('项目分类'))) return null;
  const cells = rows[i].map(compact);
  const name = cells.indexOf('项目名称');
  const category = cells.indexOf('项目分类');
  if (name === -1 || category === -1) return null;
  const find = (pattern: RegExp) => {
    const at = cells.findIndex((c) => pattern.test(c));
    return at === -1 ? null : at;
  };
  const said = cells.join('');
  let scale: BudgetHeader['scale'] = /万元/.test(said) ? 10000 : /[（(]元[)）]/.test(said) ? 1 : null;
  const total = find(/^合计/);
  if (total !== null) return { name, category, code: find(/^项目(代码|编码)$/), level: find(/^项目级次$/), amount: total, scale, bodyStart: i + 1 };
  // the year columns sit on a row under the group cell (一般公共预算 › 2026年 2027年 2028年): the title's year, else the first
  const year = /(\d{4})年/.exec(title)?.[1];
  for (let below = i + 1; below <= Math.min(i + 2, rows.length - 1); below++) {
    const years = rows[below].map(compact);
    const first = years.findIndex((c) => /^\d{4}年(度)?$/.test(c));
    if (first === -1) continue;
    const own = year ? years.findIndex((c) => c.startsWith(`${year}年`)) : -1;
    scale ??= /万元/.test(years.join('')) ? 10000 : null;
    return { name, category, code: find(/^项目(代码|编码)$/), level: find(/^项目级次$/), amount: own === -1 ? first : own, scale, bodyStart: below + 1 };
  }
  return null;
}

/** The rows of one budget table; returns the index of the first row after it. */
function readBudgetTable(source: string, rows: string[][], header: BudgetHeader, table: string, scale: BudgetHeader['scale'], lines: ProjectBudgetLine[]): number {
  // a project of several lines (one per economic category) is one line: its 小计 row when the table has one, else the sum
  const byName = new Map<string, { line: ProjectBudgetLine; sum: Decimal | null; subtotal: boolean }>();
  let i = header.bodyStart;
  for (; i < rows.length; i++) {
    const cells = rows[i];
    const first = cells.find((c) => c !== '') ?? '';
    if (first === '') continue;
    if (isTitleLine(cells) || NOTE.test(compact(first)) || (i > header.bodyStart && cells.map(compact).includes('项目名称'))) break;
    const name = cells[header.name] ?? '';
    if (!name || isTotalRow(name) || cells.every((c, index) => c === '' || c === String(index + 1))) continue;
    const category = cells[header.category] ?? '';
    const raw = compact(cells[header.amount] ?? '').replace(/[,，]/g, '');
    const amount = scale && AMOUNT.test(raw) ? new Decimal(raw).times(scale) : null;
    const level = header.level === null ? '' : compact(cells[header.level] ?? '');
    const seen = byName.get(name);
    const subtotal = !category && !(header.code !== null && cells[header.code]);
    if (!seen) {
      const line: ProjectBudgetLine = { name, code: (header.code !== null && cells[header.code]) || null, category: categoryOf(category), level: (PROJECT_LEVELS as readonly string[]).includes(level) ? (level as ProjectLevel) : null, amount: null, table, source, row: i + 1 };
      byName.set(name, { line, sum: amount, subtotal });
      lines.push(line);
      continue;
    }
    seen.line.category ??= categoryOf(category);
    seen.line.code ??= (header.code !== null && cells[header.code]) || null;
    if (seen.subtotal) continue;
    if (subtotal) Object.assign(seen, { sum: amount, subtotal: true });
    else seen.sum = seen.sum && amount ? seen.sum.plus(amount) : null;
  }
  for (const { line, sum } of byName.values()) line.amount = sum ? sum.toFixed(2) : null;
  return i;
}

/** `311 专项业务类` as written; a category named without its code (`专项业务类`) given the code of the list. */
function categoryOf(text: string): string | null {
  const plain = text.replace(/\s+/g, ' ').trim();
  if (!plain) return null;
  const listed = PROJECT_CATEGORIES.find((c) => c === plain || c.split(' ')[1] === plain);
  return listed ?? plain.slice(0, 50);
}

/** What the import says when a new project takes its money and category from a budget table of the document. */
export function budgetRepair(projectName: string, line: ProjectBudgetLine, took: { amount: boolean; category: boolean }): string {
  const parts = [took.amount && line.amount ? `年度预算总额 ${formatYuan(line.amount)} 元` : null, took.category && line.category ? `项目分类“${line.category}”` : null].filter(Boolean);
  return `“${projectName}”的${parts.join('、')}取自同一文件的“${line.table || '项目预算表'}”第 ${line.row} 行`;
}
