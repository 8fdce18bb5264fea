import fc from 'fast-check';
import Decimal from 'decimal.js';
import { Comparator, IndicatorKind } from '../indicators/comparator';
import { DEFAULT_LEVEL2, PROJECT_DICTIONARY } from '../indicators/dictionary';
import { readTargetTables } from './target-table-reader';
import { TARGET_COLUMNS } from './table-headers';

/*
 * Property: any target sheet a clerk could publish as a list-shaped 项目支出绩效目标表 (SPEC §7) reads
 * back as exactly the projects and indicators it was made of, however the table is laid out — header
 * synonyms and one to three header rows, columns in any order, the comparator and unit in their own
 * columns or inside 指标值, continuation rows, merged 一级/二级 cells, placeholders, stray spaces,
 * a number row, a note, a block of rows shifted one column right.
 * The generators make only what SPEC §7 says a published table holds: 定性 values are phrases or dates
 * (never a number with a unit glued on, which the sheet checks question), spaces never split a number,
 * and a 二级 is written as its 一级's own name only on a row that writes the 一级.
 * FC_NUM_RUNS=5000 runs more cases.
 */

// ---------------------------------------------------------------- the sheet

interface Indicator {
  level1: string;
  level2: string;
  name: string;
  comparator: Comparator;
  value: string;
  unit: string;
  kind: IndicatorKind;
  weight: string | null;
  content: string;
  basis: string;
  look: IndicatorLook;
}

interface Project {
  code: string | null;
  name: string;
  goal: string;
  /** 资金总额 in 万元 hundredths (1 = 100 yuan), so it shows exactly in 万元 with 2 decimals and in 元. */
  funds: number | null;
  /** The 财政拨款 part of the money in percent (the rest is 其他资金): columns the reader leaves out. */
  share: number;
  indicators: Indicator[];
  look: ProjectLook;
}

/** How one indicator row is written: none of it changes what it means. */
interface IndicatorLook {
  level1Form: number;
  level2Form: number;
  nameSpaces: number[];
  valueSpaces: boolean;
  comparatorSpelling: number;
  comparatorInValue: boolean;
  unitInValue: boolean;
  kindBlank: boolean;
  kindShort: boolean;
  weightWithPoints: boolean;
  placeholders: number[];
  /** Whether the merged 一级 (二级) cell is written again on this row when it continues the row above. */
  repeatLevel1: boolean;
  repeatLevel2: boolean;
}

interface ProjectLook {
  placeholders: number[];
}

const LEVEL_PAIRS = Object.entries(PROJECT_DICTIONARY).flatMap(([level1, level2s]) => level2s.map((level2) => [level1, level2] as const));
const QUANTITATIVE: Comparator[] = ['≥', '>', '=', '<', '≤'];
const UNITS = ['%', '个', '次', '人次', '万元', '元/人.天', '篇', '场', '公里', '人', '起', '万元/季度', '件', '小时', '工作日', '平方米'];
const PHRASES = ['有效提升', '明显提升', '是', '作用明显', '达到预期', '逐步改善', '10月底', '2026年12月20日前', '按期完成', '合格'];
const NAME_HEADS = ['培训', '巡查', '受助群众', '办事群众', '设备', '资金', '道路', '图书', '赛事', '档案', '系统', '补助对象'];
const NAME_TAILS = ['人次', '次数', '合格率', '满意度', '覆盖率', '完成率', '完成时间', '到位率', '故障率', '可用率', '知晓率'];
const PROJECT_HEADS = ['城乡低保提标', '森林防火', '防汛抗旱', '图书馆免费开放', '全民健身赛事', '政务信息', '道路清扫保洁', '法律援助', '社区矫正', '文物安防设施运维'];
const PROJECT_TAILS = ['经费', '专项经费', '补助资金', '工作经费'];
const GOALS = ['按时足额发放补助资金', '完成年度工作任务，保障工作正常运转', '完成病险水库除险加固5座', '提升群众满意度', '守住不发生重特大森林火灾的底线'];
const CONTENTS = ['反映培训开展情况', '抽检合格数/抽检总数×100%', '反映资金使用效率', '反映服务对象的满意程度'];
const BASES = ['计划标准', '历史标准', '行业标准', '预算支出标准', '其他标准', '2025年实绩'];
const PLACEHOLDERS = ['', '', '', '-', '—', '/', '无'];
const SPELLINGS: Record<string, string[]> = { '≥': ['≥', '>=', '＞＝', '> ='], '≤': ['≤', '<=', '＜＝'], '>': ['>', '＞'], '<': ['<', '＜'], '=': ['=', '＝'] };

const numberText = fc
  .tuple(fc.integer({ min: 0, max: 20000 }), fc.constantFrom(0, 0, 1, 2))
  .chain(([whole, places]) => (places === 0 ? fc.constant(String(whole)) : fc.integer({ min: 1, max: 10 ** places - 1 }).map((f) => new Decimal(`${whole}.${String(f).padStart(places, '0')}`).toFixed())));

const indicatorLook: fc.Arbitrary<IndicatorLook> = fc.record({
  level1Form: fc.nat(3),
  level2Form: fc.nat(3),
  nameSpaces: fc.array(fc.nat(), { maxLength: 2 }),
  valueSpaces: fc.boolean(),
  comparatorSpelling: fc.nat(),
  comparatorInValue: fc.boolean(),
  unitInValue: fc.boolean(),
  kindBlank: fc.boolean(),
  kindShort: fc.boolean(),
  weightWithPoints: fc.boolean(),
  placeholders: fc.array(fc.nat(PLACEHOLDERS.length - 1), { minLength: 8, maxLength: 8 }),
  repeatLevel1: fc.boolean(),
  repeatLevel2: fc.boolean(),
});

const indicator: fc.Arbitrary<Indicator> = fc.record({
  levels: fc.constantFrom(...LEVEL_PAIRS),
  name: fc.tuple(fc.constantFrom(...NAME_HEADS), fc.constantFrom(...NAME_TAILS)).map(([h, t]) => h + t),
  target: fc.oneof(
    fc.record({ comparator: fc.constantFrom(...QUANTITATIVE), value: numberText, unit: fc.constantFrom(...UNITS), kind: fc.constant<IndicatorKind>('定量') }),
    fc.record({ comparator: fc.constant<Comparator>('定性'), value: fc.constantFrom(...PHRASES), unit: fc.constant(''), kind: fc.constant<IndicatorKind>('定性') }),
  ),
  weight: fc.option(fc.tuple(fc.integer({ min: 1, max: 30 }), fc.boolean()).map(([w, half]) => (half ? `${w}.5` : String(w)))),
  content: fc.option(fc.constantFrom(...CONTENTS)).map((c) => c ?? ''),
  basis: fc.option(fc.constantFrom(...BASES)).map((b) => b ?? ''),
  look: indicatorLook,
}).map(({ levels: [level1, level2], name, target, weight, content, basis, look }) => ({ level1, level2, name, ...target, weight, content, basis, look }));

const project = (index: number): fc.Arbitrary<Project> =>
  fc.record({
    code: fc.option(fc.integer({ min: 1, max: 999 }).map((n) => `530300${26 + index}P${String(n).padStart(3, '0')}`)),
    goal: fc.constantFrom(...GOALS),
    funds: fc.option(fc.integer({ min: 1, max: 5_000_000 })),
    share: fc.integer({ min: 0, max: 100 }),
    indicators: fc.array(indicator, { minLength: 1, maxLength: 6 }).map((list) => {
      // 三级 names are unique within their 二级 (SPEC §3 blocks duplicates)
      const seen = new Set<string>();
      return list.filter((i) => !seen.has(`${i.level2}/${i.name}`) && !!seen.add(`${i.level2}/${i.name}`));
    }),
    look: fc.record({ placeholders: fc.array(fc.nat(PLACEHOLDERS.length - 1), { minLength: 4, maxLength: 4 }) }),
  }).map((p) => ({ ...p, name: '' }));

const projects: fc.Arbitrary<Project[]> = fc
  .uniqueArray(fc.tuple(fc.constantFrom(...PROJECT_HEADS), fc.constantFrom(...PROJECT_TAILS)).map(([h, t]) => h + t), { minLength: 1, maxLength: 4 })
  .chain((names) => fc.tuple(...names.map((_, i) => project(i))).map((list) => list.map((p, i) => ({ ...p, name: names[i] }))));

// ---------------------------------------------------------------- the layout

type Optional = 'serial' | 'code' | 'goal' | 'funds' | 'comparator' | 'unit' | 'kind' | 'content' | 'basis' | 'weight';
const OPTIONAL: Optional[] = ['serial', 'code', 'goal', 'funds', 'comparator', 'unit', 'kind', 'content', 'basis', 'weight'];

interface Layout {
  has: Record<Optional, boolean>;
  synonyms: Record<string, number>;
  /** A sort key per unit of columns: columns in any order, a group's columns kept together. */
  order: number[];
  indicatorGroup: 'none' | 'trio' | 'all';
  groupLabel: string;
  money: 'wan' | 'yuan' | 'line-wan' | 'line-yuan' | 'group2' | 'group3';
  moneyInYuanWithCommas: boolean;
  title: boolean;
  numberRow: boolean;
  note: string | null;
  repeatProject: boolean;
  /** A block of body rows shifted one column right, from any row on. */
  shifted: { from: number; length: number } | null;
  /** Blank and separator rows (`--|----`) inside the body, before the n-th row. */
  gaps: number[];
}

const layout: fc.Arbitrary<Layout> = fc.record({
  has: fc.record(Object.fromEntries(OPTIONAL.map((o) => [o, fc.boolean()])) as Record<Optional, fc.Arbitrary<boolean>>),
  synonyms: fc.record(Object.fromEntries(Object.keys(TARGET_COLUMNS).map((c) => [c, fc.nat()]))),
  order: fc.array(fc.nat(20), { minLength: 16, maxLength: 16 }),
  indicatorGroup: fc.constantFrom('none', 'trio', 'all'),
  groupLabel: fc.constantFrom('绩效指标', '年度绩效指标'),
  money: fc.constantFrom('wan', 'yuan', 'line-wan', 'line-yuan', 'group2', 'group3'),
  moneyInYuanWithCommas: fc.boolean(),
  title: fc.boolean(),
  numberRow: fc.boolean(),
  note: fc.option(fc.constantFrom('说明：本表不含涉密项目。', '注：指标值为年度目标值。', '备注：金额单位以表头为准')),
  repeatProject: fc.boolean(),
  shifted: fc.oneof({ weight: 2, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.record({ from: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }) }),
  gaps: fc.array(fc.nat(), { maxLength: 2 }),
}) as fc.Arbitrary<Layout>;

// ---------------------------------------------------------------- rendering

type Column = keyof typeof TARGET_COLUMNS | 'serial' | 'fiscal' | 'other';
/** One unit of header columns: a column alone, or a group cell over its columns (and a 其中 over two). */
interface HeaderUnit {
  columns: { column: Column; label: string; under?: string }[];
  group?: string;
}

const synonym = (l: Layout, column: keyof typeof TARGET_COLUMNS) => TARGET_COLUMNS[column][l.synonyms[column] % TARGET_COLUMNS[column].length];
const wan = (l: Layout) => l.money === 'wan' || l.money === 'line-wan' || l.money === 'group2' || l.money === 'group3';

function headerUnits(l: Layout): HeaderUnit[] {
  const single = (column: Column, label: string): HeaderUnit => ({ columns: [{ column, label }] });
  const details = (['comparator', 'value', 'unit', 'kind', 'content', 'basis', 'weight'] as const).filter((c) => c === 'value' || l.has[c]);
  const trio = (['level1', 'level2', 'name'] as const).map((column) => ({ column, label: synonym(l, column) }));
  const units: HeaderUnit[] = [single('project', synonym(l, 'project'))];
  if (l.has.serial) units.push(single('serial', '序号'));
  if (l.has.code) units.push(single('code', synonym(l, 'code')));
  if (l.has.goal) units.push(single('goal', synonym(l, 'goal')));
  if (l.has.funds) {
    const total = synonym(l, 'funds');
    if (l.money === 'group2') units.push({ group: '项目金额（万元）', columns: [{ column: 'funds', label: total }, { column: 'fiscal', label: '财政拨款' }, { column: 'other', label: '其他资金' }] });
    else if (l.money === 'group3') units.push({ group: '项目金额（万元）', columns: [{ column: 'funds', label: total }, { column: 'fiscal', label: '财政拨款', under: '其中' }, { column: 'other', label: '其他资金', under: '其中' }] });
    else units.push(single('funds', l.money === 'wan' ? `${total}（万元）` : l.money === 'yuan' ? `${total}（元）` : total));
  }
  if (l.indicatorGroup === 'none') units.push({ columns: trio }, ...details.map((c) => single(c, synonym(l, c))));
  else if (l.indicatorGroup === 'trio') units.push({ group: l.groupLabel, columns: trio }, ...details.map((c) => single(c, synonym(l, c))));
  else units.push({ group: l.groupLabel, columns: [...trio, ...details.map((column) => ({ column, label: synonym(l, column) }))] });
  // the columns in any order, each unit kept together (a merged group cell spans neighbours only)
  return units.map((u, i) => ({ u, key: l.order[i % l.order.length] * 100 + i })).sort((a, b) => a.key - b.key).map(({ u }) => u);
}

function headerRows(units: HeaderUnit[]): string[][] {
  const depth = Math.max(...units.map((u) => (u.columns.some((c) => c.under) ? 3 : u.group ? 2 : 1)));
  const rows: string[][] = Array.from({ length: depth }, () => []);
  for (const unit of units) {
    unit.columns.forEach((c, i) => {
      const cells = !unit.group ? [c.label] : c.under ? [i === 0 ? unit.group : '', c.under && unit.columns[i - 1]?.under ? '' : c.under, c.label] : [i === 0 ? unit.group : '', c.label];
      rows.forEach((row, r) => row.push(cells[r] ?? ''));
    });
  }
  return rows;
}

/** Spaces where a clerk's typing puts them: beside a Chinese character, never inside a number (`1 0月底` is no date). */
const spaced = (text: string, at: number[]) => {
  const chars = [...text];
  const cjk = (c: string | undefined) => !!c && /[\u4e00-\u9fff]/.test(c);
  const gaps = chars.flatMap((_, i) => (i > 0 && (cjk(chars[i - 1]) || cjk(chars[i])) ? [i] : []));
  const chosen = new Set(at.map((p) => gaps[p % gaps.length]).filter((g) => g !== undefined));
  return chars.map((c, i) => (chosen.has(i) ? (i % 5 === 0 ? '\u3000' : ' ') : '') + c).join('');
};
const placeholder = (choices: number[], i: number) => PLACEHOLDERS[choices[i % choices.length]];
const bare = (name: string) => name.replace(/指标$/, '');

function levelText(name: string, form: number, spaces: number[]): string {
  return [name, bare(name), spaced(name, spaces.length ? spaces : [1]), name][form];
}

function valueCells(i: Indicator, l: Layout): { comparator: string; value: string; unit: string } {
  const look = i.look;
  if (i.kind === '定性') {
    const value = look.valueSpaces ? spaced(i.value, [0, 3]) : i.value;
    return { comparator: l.has.comparator ? (look.comparatorInValue ? '定性' : placeholder(look.placeholders, 0)) : '', value, unit: l.has.unit ? placeholder(look.placeholders, 1) : '' };
  }
  const spellings = SPELLINGS[i.comparator];
  const sign = spellings[look.comparatorSpelling % spellings.length];
  const signInValue = !l.has.comparator || look.comparatorInValue;
  const unitInValue = !l.has.unit || look.unitInValue;
  const gap = look.valueSpaces ? ' ' : '';
  return {
    comparator: signInValue ? '' : sign,
    value: `${signInValue ? sign + gap : ''}${i.value}${unitInValue ? gap + i.unit : ''}`,
    unit: unitInValue ? '' : i.unit,
  };
}

function moneyText(hundredths: number | null, l: Layout): string {
  if (hundredths === null) return '';
  const tenThousands = new Decimal(hundredths).div(100);
  if (wan(l)) return tenThousands.toFixed();
  const yuan = tenThousands.times(10000).toFixed(2);
  return l.moneyInYuanWithCommas ? yuan.replace(/\B(?=(\d{3})+\.)/g, ',') : yuan;
}

function bodyRows(sheet: Project[], l: Layout, columns: Column[]): { cells: string[] }[] {
  const out: { cells: string[] }[] = [];
  sheet.forEach((p, pi) => {
    p.indicators.forEach((ind, ii) => {
      const previous = p.indicators[ii - 1];
      const first = ii === 0;
      const project = first || l.repeatProject;
      const look = ind.look;
      const writeLevel1 = !previous || previous.level1 !== ind.level1 || look.repeatLevel1;
      const writeLevel2 = writeLevel1 || previous.level2 !== ind.level2 || look.repeatLevel2;
      const { comparator, value, unit } = valueCells(ind, l);
      // a 二级 written as its 一级's own name (满意度指标 under 满意度指标) means the 一级's default 二级
      const level2Name = writeLevel1 && look.level2Form === 3 && DEFAULT_LEVEL2[ind.level1] === ind.level2 ? ind.level1 : ind.level2;
      const fiscal = p.funds === null ? null : Math.round((p.funds * p.share) / 100);
      const cell: Record<Column, string> = {
        serial: first ? String(pi + 1) : '',
        project: project ? p.name : '',
        code: project && p.code ? p.code : first ? placeholder(p.look.placeholders, 0) : '',
        goal: first || l.repeatProject ? p.goal : '',
        funds: first ? moneyText(p.funds, l) || placeholder(p.look.placeholders, 1) : '',
        fiscal: first ? moneyText(fiscal, l) || placeholder(p.look.placeholders, 2) : '',
        other: first ? moneyText(p.funds === null || fiscal === null ? null : p.funds - fiscal, l) || placeholder(p.look.placeholders, 3) : '',
        level1: writeLevel1 ? levelText(ind.level1, look.level1Form, look.nameSpaces) : '',
        level2: writeLevel2 ? levelText(level2Name, look.level2Form % 3, look.nameSpaces) : '',
        name: (look.nameSpaces.length % 2 ? ' ' : '') + spaced(ind.name, look.nameSpaces),
        comparator,
        value,
        unit,
        kind: look.kindBlank ? '' : ind.kind === '定量' ? (look.kindShort ? '定量' : '定量指标') : look.kindShort ? '定性' : '定性指标',
        content: ind.content || placeholder(look.placeholders, 2),
        basis: ind.basis || placeholder(look.placeholders, 3),
        weight: ind.weight ? ind.weight + (look.weightWithPoints ? '分' : '') : placeholder(look.placeholders, 4),
        lastYearActual: '',
        scoringRule: '',
        evidence: '',
        budgetUnit: '',
      };
      out.push({ cells: columns.map((c) => cell[c]) });
    });
  });
  return out;
}

function render(sheet: Project[], l: Layout): string[][] {
  const units = headerUnits(l);
  const columns = units.flatMap((u) => u.columns.map((c) => c.column));
  const rows: string[][] = [];
  if (l.title) rows.push(['2026年项目支出绩效目标表']);
  if (l.has.funds && l.money.startsWith('line')) rows.push([l.money === 'line-wan' ? '单位：万元' : '单位：元']);
  rows.push(...headerRows(units));
  if (l.numberRow) rows.push(columns.map((_, i) => String(i + 1)));
  const body = bodyRows(sheet, l, columns);
  if (l.shifted) {
    const from = l.shifted.from % body.length;
    for (let i = from; i < Math.min(body.length, from + l.shifted.length); i++) body[i].cells = ['', ...body[i].cells];
  }
  const gaps = new Set(l.gaps.map((g) => g % body.length));
  body.forEach((r, i) => rows.push(...(gaps.has(i) ? [i % 3 === 0 ? [] : i % 3 === 1 ? ['--|----|---'] : ['-----', '---', '---']] : []), r.cells));
  if (l.note) rows.push([l.note]);
  return rows;
}

// ---------------------------------------------------------------- what must be read

function expected(sheet: Project[], l: Layout) {
  return sheet.map((p) => ({
    code: l.has.code ? p.code : null,
    name: p.name,
    goal: l.has.goal ? p.goal : '',
    fundsTotal: l.has.funds && p.funds !== null ? new Decimal(p.funds).times(100).toFixed(2) : null,
    indicators: p.indicators.map((i) => ({
      level1: i.level1,
      level2: i.level2,
      name: i.name,
      comparator: i.comparator,
      value: i.value,
      unit: i.unit,
      kind: i.kind,
      weight: l.has.weight ? i.weight : null,
      content: l.has.content ? i.content : '',
      basis: l.has.basis ? i.basis : '',
    })),
  }));
}

function read(rows: string[][]) {
  const reading = readTargetTables([{ name: 'generated', rows }]);
  return {
    tables: reading.tables,
    errors: reading.errors.map((e) => `${e.row}:${e.column ?? ''}:${e.message}`),
    projects: reading.projects.map((p) => ({
      code: p.code,
      name: p.name,
      goal: p.goal,
      fundsTotal: p.fundsTotal ?? null,
      indicators: p.indicators.map(({ level1, level2, name, comparator, value, unit, kind, weight, content, basis }) => ({ level1, level2, name, comparator, value, unit, kind, weight, content, basis })),
    })),
  };
}

/** The table as tab-separated text, for a failure message. */
const asText = (rows: string[][]) => rows.map((r) => r.join('\t')).join('\n');

describe('readTargetTables, on random valid target tables (fast-check)', () => {
  it('reads back exactly the projects and indicators the table was made of, with no errors', () => {
    fc.assert(
      fc.property(projects, layout, (sheet, l) => {
        const rows = render(sheet, l);
        const reading = read(rows);
        const want = { tables: 1, errors: [], projects: expected(sheet, l) };
        try {
          expect(reading).toEqual(want);
        } catch (failure) {
          (failure as Error).message = `the table:\n${asText(rows)}\n\n${(failure as Error).message}`;
          throw failure;
        }
      }),
      { numRuns: Number(process.env['FC_NUM_RUNS']) || 200 },
    );
  });
});
