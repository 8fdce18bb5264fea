import Decimal from 'decimal.js';
import { Comparator, halfWidth, IndicatorKind, leadingComparator, normaliseComparator, normaliseKind } from './comparator';

/**
 * What a person types or a table holds as a target, taken apart: `≥95%`, `>=91000 个`,
 * `<=15.5 万元/季度`, `4篇/月`, `有效提升`, `2026 年 12 月 20 日前`. The separate 指标性质,
 * 度量单位 and 指标属性 cells, when there are any, come in as hints.
 */
export interface TargetHints {
  comparator?: string | null;
  unit?: string | null;
  kind?: string | null;
}

export interface ParsedTarget {
  comparator: Comparator | null;
  /** A decimal string for 定量 (`"95"`, `"15.5"`), the phrase for 定性. */
  value: string;
  unit: string;
  kind: IndicatorKind;
  /** Unambiguous repairs made, in words for the clerk. */
  repairs: string[];
  /** Contradictions the parser would not decide. */
  problems: string[];
}

const NUMBER = /^([+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?)\s*(.*)$/s;
/** Endings that make a number-with-words a date or time phrase, not a unit: 10月底, 15日内, 12月20日前. */
const PHRASE_ENDING = /(前|后|内|底|初|中|末|止|起|左右)$/;
const DATE_LIKE = /\d+\s*年|\d+\s*月\s*\d+\s*日/;
const SUFFIX_COMPARATOR: [RegExp, Comparator][] = [
  [/(以上|及以上)$/, '≥'],
  [/(以下|及以下)$/, '≤'],
];

function isUnitLike(text: string): boolean {
  // 起 alone is the unit of incidents (安全事故 =0起); after another word it ends a phrase (3月起)
  return text.length > 0 && text.length <= 16 && !/\d/.test(text) && (text === '起' || !PHRASE_ENDING.test(text));
}

/** Two spellings of one unit: equal, or one the start of the other (`万` and `万元`). */
export function sameUnit(a: string, b: string): boolean {
  return a === b || a.startsWith(b) || b.startsWith(a);
}

function canonicalNumber(text: string): string {
  return new Decimal(text.replace(/,/g, '').replace(/^\+/, '')).toFixed();
}

export function parseTargetValue(raw: string, hints: TargetHints = {}): ParsedTarget {
  const repairs: string[] = [];
  const problems: string[] = [];
  const hintComparator = hints.comparator ? normaliseComparator(hints.comparator) : null;
  const hintUnit = halfWidth(hints.unit ?? '').trim();
  const hintKind = normaliseKind(hints.kind);

  let { comparator, rest } = leadingComparator(raw ?? '');
  for (const [suffix, implied] of SUFFIX_COMPARATOR) {
    if (!comparator && suffix.test(rest) && NUMBER.test(rest)) {
      rest = rest.replace(suffix, '').trim();
      comparator = implied;
      repairs.push(`“${raw.trim()}”按“${implied}”处理`);
    }
  }
  if (comparator && hintComparator && comparator !== hintComparator) {
    problems.push(`指标值中的“${comparator}”与指标性质“${hintComparator}”不一致`);
  } else if (comparator && hintComparator) {
    repairs.push('指标值中重复写了指标性质，已去掉');
  }
  comparator = hintComparator ?? comparator;

  const number = NUMBER.exec(rest);
  const glued = number ? number[2].trim() : '';
  const looksQuantitative = number !== null && (glued === '' || isUnitLike(glued)) && !DATE_LIKE.test(rest);
  const kind: IndicatorKind = hintKind ?? (looksQuantitative ? '定量' : '定性');

  if (kind === '定量' && !number && rest !== '') problems.push(`定量指标的指标值“${raw.trim()}”不是数字`);
  if (kind === '定性' || !number) {
    // a phrase keeps its words; spaces inside Chinese text carry no meaning
    const phrase = rest.replace(/\s*([\u4e00-\u9fff])\s*/g, '$1').trim();
    // a 定性 row's 指标性质 is 定性 unless the table wrote one (`= 有效提升`)
    return { comparator: comparator ?? (kind === '定性' ? '定性' : null), value: phrase, unit: hintUnit, kind, repairs, problems };
  }

  let unit = hintUnit;
  if (glued && !isUnitLike(glued)) {
    problems.push(`指标值“${raw.trim()}”不是“数字 + 单位”的形式`);
  } else if (glued && hintUnit) {
    if (sameUnit(glued, hintUnit)) repairs.push(`指标值中重复写了单位“${glued}”，已去掉`);
    else problems.push(`指标值中的单位“${glued}”与度量单位“${hintUnit}”不一致`);
  } else if (glued) {
    unit = glued;
    repairs.push(`单位“${glued}”已从指标值中拆到度量单位`);
  }
  return { comparator, value: canonicalNumber(number[1]), unit, kind, repairs, problems };
}

/** A 定性 value that is really a number with a unit (`<= 4小时`): the suggestion, or null. */
export function quantitativeSuggestion(value: string): { value: string; unit: string } | null {
  const { rest } = leadingComparator(value);
  const number = NUMBER.exec(rest);
  if (!number) return null;
  const unit = number[2].trim();
  if (!isUnitLike(unit) || DATE_LIKE.test(rest)) return null;
  return { value: canonicalNumber(number[1]), unit };
}
