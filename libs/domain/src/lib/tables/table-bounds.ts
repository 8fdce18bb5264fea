/**
 * Where a table of a whole disclosure document ends and what it is (SPEC §7): a budget disclosure
 * turned to text holds 收支总表, 三公经费, 政府采购 … around the target tables, often without any
 * mark between them but a title line; nothing of those tables may become a project or an error.
 */

const compact = (text: string) => text.replace(/[\s\u3000]/g, '');

/** `2026年部门项目支出预算表`, `附表3`, `表 5-2 …`, `## …`: a line that names the next table. */
const TITLE = /(表|清单)([（(][^）)]*[）)])?$|^(附表|附件)\s*\d*/;
/** `第三部分 名词解释`, `一、财政拨款收入：指…`: a section of the document's text, after its tables. */
const SECTION = /^第[一二三四五六七八九十\d]+部分|^[一二三四五六七八九十]+、/;

export function isTitleLine(row: readonly string[]): boolean {
  const filled = row.filter((c) => c !== '');
  if (filled.length !== 1) return false;
  const text = compact(filled[0]);
  return text.startsWith('#') || SECTION.test(text) || (text.length <= 60 && TITLE.test(text));
}

/** Header words of the other tables of a disclosure: two of them in a row start another table. */
const FOREIGN_HEADERS = new Set(
  ['功能分类科目', '科目编码', '科目名称', '支出功能分类科目', '经济分类科目', '部门经济分类', '政府经济分类', '预算数', '决算数', '本年收入', '本年支出', '收入', '支出',
    '金额', '基本支出', '人员经费', '公用经费', '采购品目', '采购项目', '采购金额', '资产名称', '数量', '单价', '因公出国（境）费', '公务接待费', '公务用车购置及运行费',
    '上年结转', '年初结转和结余', '年末结转和结余', '项目类别', '项目级次', '支出经济分类', '2026年', '2027年', '2028年'].map(compact),
);

export function isForeignHeader(row: readonly string[]): boolean {
  return row.filter((c) => c !== '' && FOREIGN_HEADERS.has(compact(c))).length >= 2;
}

/** `合计`, `项目支出 合计`, `小 计`: a total of the table, never a project. */
const TOTAL = /^(项目支出|基本支出|本年支出|支出|收入)?(合计|总计|小计)$/;

export function isTotalRow(name: string): boolean {
  return TOTAL.test(compact(name));
}

/** Labels of the 部门（单位）整体绩效目标表: its indicator rows are the department's, imported elsewhere. */
const DEPARTMENT_TARGET = /年度履职目标|年度主要任务|部门职能|整体绩效目标|整体支出绩效目标|部门（单位）名称|部门\(单位\)名称/;

/** Whether the rows from the table's title to its indicator header belong to a 部门（单位）整体绩效目标表. */
export function isDepartmentTargetBlock(rows: readonly (readonly string[])[], from: number, to: number): boolean {
  for (let r = Math.max(0, from); r < to; r++) if (rows[r].some((cell) => DEPARTMENT_TARGET.test(compact(cell)))) return true;
  return false;
}

/** A unit's code in a department's tables: six digits (`103001`), before or beside its name. */
const UNIT_CODE = /^(\d{6})(?:[\s\-－—_]+(\S.*))?$/;
/** Words of a project's name, never of a unit's. */
const PROJECT_WORDS = /经费|资金|项目|补助|补贴|专项|工程|建设费|运维费/;

export interface UnitRow {
  code: string | null;
  name: string;
}

/**
 * A unit row inside a department's table (SPEC §7): `103001 开封市图书馆` in one cell, or the code
 * and the name side by side, above the unit's projects; the caller has seen that it holds no indicator.
 */
export function unitRowOf(cells: readonly string[]): UnitRow | null {
  const filled = cells.filter((c) => c !== '');
  const match = UNIT_CODE.exec((filled[0] ?? '').trim());
  if (!match) return null;
  const name = (match[2] ?? filled[1] ?? '').trim();
  if (!name || PROJECT_WORDS.test(name) || /^[\d.,，]+$/.test(name)) return null;
  return { code: match[1], name };
}

/** 单位负责人 / 填报人 …, 主管部门审核意见 …: the sign-off block that ends an official form. */
const SIGN_OFF = /^(单位负责人|填报人|联系电话|填报日期|主管部门审核意见|财政部门审核意见)[：:（(]/;

/** 年 月 日 (the blank, spaced with ideographic spaces, to write a date on) or a date written in it: the opinion box's last line. */
const DATE_LINE = /^(\d{4})?年(\d{1,2})?月(\d{1,2})?日$/;

/**
 * The rows of a document without its sign-off blocks (the exports write one under each table, and
 * so do the forms units fill by hand): signatures, opinions and their dates are never indicators,
 * units or projects. A document of several forms keeps every form; only the sign-off rows go.
 */
export function withoutSignOffs<T extends readonly string[]>(rows: readonly T[]): T[] {
  return rows.filter((row) => {
    const cells = row.map((cell) => compact(cell ?? '')).filter((cell) => cell !== '');
    return !cells.some((cell) => SIGN_OFF.test(cell)) && !(cells.length > 0 && cells.every((cell) => DATE_LINE.test(cell)));
  });
}
