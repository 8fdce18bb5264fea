import Decimal from 'decimal.js';
import { SettingsProfile } from '../settings/settings-profile';
import { COMPARATORS, directionOf, IndicatorKind, normaliseComparator } from './comparator';
import { Dictionary, isLevel1, level1Of, level2Allowed, PROJECT_DICTIONARY } from './dictionary';
import { parseTargetValue, quantitativeSuggestion } from './target-value';

/** One 三级 row of a target sheet, as stored (decimals as strings). */
export interface IndicatorRow {
  level1: string;
  level2: string;
  name: string;
  comparator: string | null;
  value: string;
  unit: string;
  kind: IndicatorKind | string;
  weight: string | null;
  lastYearActual?: string | null;
  lastYearActualText?: string | null;
}

/** Optional weights of the 一级 and 二级 (`产出指标`, `产出指标/数量指标`). */
export interface LevelWeights {
  level1?: Record<string, string>;
  level2?: Record<string, string>;
}

export type CheckSeverity = 'blocking' | 'warning';

export interface SheetCheck {
  /** 1-based row of the sheet, or null for the sheet as a whole. */
  row: number | null;
  field: string | null;
  severity: CheckSeverity;
  code: string;
  message: string;
}

export const NAME_MAX = 100;
const ONLY_COMPARATOR_OR_NUMBER = /^[\s≥≤><=＞＜＝%％.\d+-]*$/;

/** A plain decimal, else null: tested first, as a phrase (有效提升) thrown and caught costs ~20 µs on every check. */
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
function decimalOrNull(text: string | null | undefined): Decimal | null {
  const trimmed = text?.trim();
  return trimmed && DECIMAL.test(trimmed) ? new Decimal(trimmed) : null;
}

export interface CheckOptions {
  /** The dictionary of 一级/二级 (the department's for a 部门整体绩效目标表). */
  dictionary?: Dictionary;
  /** Whether weights are part of the table (not in the department overall target). */
  weights?: boolean;
}

/** Every check of SPEC §3 over a project's target sheet; blocking ones stop a submit. */
export function checkSheet(rows: readonly IndicatorRow[], profile: SettingsProfile, levelWeights: LevelWeights = {}, options: CheckOptions = {}): SheetCheck[] {
  const dictionary = options.dictionary ?? PROJECT_DICTIONARY;
  const checks: SheetCheck[] = [];
  const add = (row: number | null, field: string | null, severity: CheckSeverity, code: string, message: string) =>
    checks.push({ row, field, severity, code, message });

  rows.forEach((r, index) => {
    const row = index + 1;
    const at = `第 ${row} 行`;
    if (!isLevel1(r.level1, dictionary)) add(row, 'level1', 'blocking', 'level1-unknown', `${at}：一级指标“${r.level1 || '（空）'}”不在指标字典中`);
    else if (!level2Allowed(r.level1, r.level2, dictionary)) {
      const owner = level1Of(r.level2, dictionary);
      const hint = owner ? `，它属于“${owner}”` : '';
      add(row, 'level2', 'blocking', 'level2-misplaced', `${at}：二级指标“${r.level2 || '（空）'}”不能放在“${r.level1}”下${hint}`);
    }
    const name = r.name.trim();
    if (name === '') add(row, 'name', 'blocking', 'name-empty', `${at}：三级指标名称为空`);
    else if (ONLY_COMPARATOR_OR_NUMBER.test(name)) add(row, 'name', 'blocking', 'name-not-a-name', `${at}：三级指标名称“${name}”只是符号或数字，请填写指标名称`);
    else if (name.length > NAME_MAX) add(row, 'name', 'blocking', 'name-too-long', `${at}：三级指标名称超过 ${NAME_MAX} 字`);

    const comparator = r.comparator ? normaliseComparator(r.comparator) : null;
    if (r.comparator && !comparator) add(row, 'comparator', 'blocking', 'comparator-unknown', `${at}：指标性质“${r.comparator}”应为 ${COMPARATORS.join(' ')} 之一`);
    if (r.kind === '定量') checkQuantitative(r, row, at, comparator === null && !r.comparator, add);
    else if (r.kind === '定性') {
      const suggestion = quantitativeSuggestion(r.value);
      if (suggestion) {
        add(row, 'kind', 'warning', 'qualitative-looks-numeric', `${at}：定性指标值“${r.value}”像是数值，建议改为定量：${comparator ?? '≤/≥'} ${suggestion.value} ${suggestion.unit}`);
      }
      if (r.value.trim() === '') add(row, 'value', 'blocking', 'value-empty', `${at}：请填写定性指标的指标值（如“有效提升”）`);
    } else add(row, 'kind', 'blocking', 'kind-unknown', `${at}：指标属性应为定量或定性`);

    checkLastYear(r, row, at, add);
    if (options.weights !== false && r.weight !== null && r.weight.trim() !== '') {
      const weight = decimalOrNull(r.weight);
      if (!weight || weight.isNegative()) add(row, 'weight', 'blocking', 'weight-not-a-number', `${at}：分值“${r.weight}”应为不小于 0 的数字`);
    }
  });

  checkDuplicates(rows, add);
  checkLevel1Presence(rows, profile, add);
  if (options.weights !== false) checkWeights(rows, profile, levelWeights, add);
  return checks;
}

type Add = (row: number | null, field: string | null, severity: CheckSeverity, code: string, message: string) => void;

function checkQuantitative(r: IndicatorRow, row: number, at: string, noComparator: boolean, add: Add): void {
  if (noComparator) add(row, 'comparator', 'blocking', 'comparator-missing', `${at}：定量指标须选择指标性质（≥ > = < ≤）`);
  const value = decimalOrNull(r.value);
  if (!value) {
    const parsed = parseTargetValue(r.value, { unit: r.unit, kind: '定量' });
    const writtenWithUnit = parsed.problems.length === 0 && decimalOrNull(parsed.value) !== null && r.unit.trim() !== '';
    if (writtenWithUnit) {
      add(row, 'value', 'warning', 'value-with-unit', `${at}：指标值“${r.value}”中写了单位，应只填数字 ${parsed.value}`);
    } else {
      add(row, 'value', 'blocking', 'value-not-a-number', `${at}：定量指标的指标值“${r.value || '（空）'}”不是数字`);
    }
  }
  if (r.unit.trim() === '') add(row, 'unit', 'blocking', 'unit-missing', `${at}：定量指标须填写度量单位`);
  if (value && r.unit.trim() === '%' && value.greaterThan(100)) add(row, 'value', 'warning', 'percent-over-100', `${at}：百分比指标值 ${r.value}% 超过 100%`);
}

/** A target weaker than last year's actual: ≥ below it, ≤ above it. */
function checkLastYear(r: IndicatorRow, row: number, at: string, add: Add): void {
  if (r.lastYearActualText) {
    add(row, 'lastYearActual', 'warning', 'last-year-not-comparable', `${at}：上年完成值“${r.lastYearActualText}”不是以度量单位“${r.unit.trim() || '（无）'}”计的数字，无法与目标值比较，请核对`);
    return;
  }
  const target = decimalOrNull(r.value);
  const last = decimalOrNull(r.lastYearActual);
  const comparator = r.comparator ? normaliseComparator(r.comparator) : null;
  if (!target || !last || r.kind !== '定量') return;
  const direction = directionOf(comparator, '定量');
  const unit = r.unit.trim();
  const shown = (v: string) => (unit === '%' ? `${v}%` : unit ? `${v} ${unit}` : v);
  // said the way the comparator reads: a floor below last year is low, a ceiling above it is loose
  if (direction === '正向' && target.lessThan(last)) {
    add(row, 'value', 'warning', 'weaker-than-last-year', `${at}：目标值 ${comparator} ${shown(r.value)} 低于上年完成值 ${shown(last.toFixed())}，目标设定偏低`);
  } else if (direction === '反向' && target.greaterThan(last)) {
    add(row, 'value', 'warning', 'weaker-than-last-year', `${at}：上限 ${comparator} ${shown(r.value)} 比上年完成值 ${shown(last.toFixed())} 更宽松，目标设定偏松`);
  }
}

function checkDuplicates(rows: readonly IndicatorRow[], add: Add): void {
  const seen = new Map<string, number>();
  rows.forEach((r, index) => {
    const name = r.name.trim();
    if (!name) return;
    const key = `${r.level1}/${r.level2}/${name}`;
    const first = seen.get(key);
    if (first) add(index + 1, 'name', 'blocking', 'name-duplicate', `第 ${index + 1} 行：三级指标“${name}”与第 ${first} 行重复（同一二级指标下）`);
    else seen.set(key, index + 1);
  });
}

function checkLevel1Presence(rows: readonly IndicatorRow[], profile: SettingsProfile, add: Add): void {
  const present = new Set(rows.map((r) => r.level1));
  for (const level1 of profile.requiredLevel1) {
    if (!present.has(level1)) add(null, 'level1', 'blocking', 'level1-missing', `缺少一级指标“${level1}”`);
  }
  if (!present.has('满意度指标')) add(null, 'level1', 'warning', 'satisfaction-missing', '未设置满意度指标');
  if (profile.regime === 'core2021' && rows.some((r) => r.level1 === '产出指标' && r.level2 === '成本指标')) {
    add(null, 'level2', 'warning', 'cost-placement', '本年度采用成本指标为一级指标的模板，产出指标下的成本指标建议移到一级“成本指标”');
  }
}

function sum(values: Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), new Decimal(0));
}

function checkWeights(rows: readonly IndicatorRow[], profile: SettingsProfile, levels: LevelWeights, add: Add): void {
  const weights = rows.map((r) => decimalOrNull(r.weight));
  rows.forEach((r, index) => {
    if (r.weight === null || r.weight.trim() === '') add(index + 1, 'weight', 'blocking', 'weight-missing', `第 ${index + 1} 行：请填写分值`);
  });
  const total = sum(weights.filter((w): w is Decimal => w !== null && !w.isNegative()));
  const expected = new Decimal(profile.indicatorWeightTotal);
  if (!total.equals(expected)) {
    add(null, 'weight', 'blocking', 'weight-total', `三级指标分值合计 ${total.toFixed()}，应为 ${expected.toFixed()}（另 ${profile.budgetWeight} 分为预算执行率）`);
  }
  const groupSum = (match: (r: IndicatorRow) => boolean) => sum(rows.flatMap((r, i) => (match(r) && weights[i] ? [weights[i] as Decimal] : [])));
  for (const [level1, text] of Object.entries(levels.level1 ?? {})) {
    const got = groupSum((r) => r.level1 === level1);
    if (!got.equals(new Decimal(text))) add(null, 'weight', 'blocking', 'weight-level1', `一级指标“${level1}”的分值为 ${text}，其下三级指标合计 ${got.toFixed()}`);
  }
  for (const [key, text] of Object.entries(levels.level2 ?? {})) {
    const [level1, level2] = key.split('/');
    const got = groupSum((r) => r.level1 === level1 && r.level2 === level2);
    if (!got.equals(new Decimal(text))) add(null, 'weight', 'blocking', 'weight-level2', `二级指标“${level1} › ${level2}”的分值为 ${text}，其下三级指标合计 ${got.toFixed()}`);
  }
  const level1Weights = Object.values(levels.level1 ?? {});
  if (level1Weights.length > 0) {
    const level1Total = sum(level1Weights.map((w) => new Decimal(w)));
    if (!level1Total.equals(expected)) add(null, 'weight', 'blocking', 'weight-level1-total', `一级指标分值合计 ${level1Total.toFixed()}，应为 ${expected.toFixed()}`);
  }
  // 二级 weights of a 一级 add up to that 一级's weight
  for (const [level1, text] of Object.entries(levels.level1 ?? {})) {
    const under = Object.entries(levels.level2 ?? {}).filter(([key]) => key.startsWith(`${level1}/`));
    if (under.length === 0) continue;
    const got = sum(under.map(([, w]) => new Decimal(w)));
    if (!got.equals(new Decimal(text))) add(null, 'weight', 'blocking', 'weight-level2-total', `一级指标“${level1}”的分值为 ${text}，其下二级指标合计 ${got.toFixed()}`);
  }
}

export function hasBlocking(checks: readonly SheetCheck[]): boolean {
  return checks.some((c) => c.severity === 'blocking');
}
