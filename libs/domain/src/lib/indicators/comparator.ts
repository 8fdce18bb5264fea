/** 指标性质 (SPEC §3). ASCII and full-width forms and the usual words are normalised. */
export const COMPARATORS = ['≥', '>', '=', '<', '≤', '定性'] as const;
export type Comparator = (typeof COMPARATORS)[number];

export type Direction = '正向' | '等于' | '反向' | '定性';

export const KINDS = ['定量', '定性'] as const;
export type IndicatorKind = (typeof KINDS)[number];

/** Longest forms first, so `>=` is not read as `>`. */
const SPELLINGS: [string, Comparator][] = [
  ['大于等于', '≥'],
  ['小于等于', '≤'],
  ['不低于', '≥'],
  ['不少于', '≥'],
  ['不小于', '≥'],
  ['不高于', '≤'],
  ['不超过', '≤'],
  ['不大于', '≤'],
  ['>=', '≥'],
  ['=>', '≥'],
  ['<=', '≤'],
  ['=<', '≤'],
  ['≥', '≥'],
  ['≧', '≥'],
  ['≤', '≤'],
  ['≦', '≤'],
  ['大于', '>'],
  ['高于', '>'],
  ['小于', '<'],
  ['低于', '<'],
  ['等于', '='],
  ['定性', '定性'],
  ['>', '>'],
  ['<', '<'],
  ['=', '='],
];

/** Full-width characters (＞＝％１２) become their ASCII forms. */
export function halfWidth(text: string): string {
  return text.normalize('NFKC');
}

const known = new Map<string, Comparator | null>();

/** The comparator a whole cell stands for, or null. Remembered: a few spellings recur in every row. */
export function normaliseComparator(raw: string): Comparator | null {
  const seen = known.get(raw);
  if (seen !== undefined) return seen;
  const text = halfWidth(raw).replace(/\s+/g, '');
  const found = text === '' ? null : (SPELLINGS.find(([spelling]) => spelling === text)?.[1] ?? null);
  if (known.size > 500) known.clear();
  known.set(raw, found);
  return found;
}

/** A comparator written at the start of a cell (`≥95%`, `>= 91000 个`) and the rest. */
export function leadingComparator(raw: string): { comparator: Comparator | null; rest: string } {
  // `> = 95%` and `≥ 2000 件`: spaces inside or after the sign carry no meaning
  const text = halfWidth(raw).trim().replace(/^([<>=])\s+(?==)/, '$1');
  for (const [spelling, comparator] of SPELLINGS) {
    if (text.startsWith(spelling)) return { comparator, rest: text.slice(spelling.length).trim() };
  }
  return { comparator: null, rest: text };
}

export function directionOf(comparator: Comparator | null, kind: IndicatorKind): Direction {
  if (kind === '定性' || comparator === '定性' || comparator === null) return '定性';
  if (comparator === '≥' || comparator === '>') return '正向';
  if (comparator === '=') return '等于';
  return '反向';
}

/** 定量指标 / 定性指标 / 定量 / 定性 → the kind. */
export function normaliseKind(raw: string | null | undefined): IndicatorKind | null {
  const text = (raw ?? '').replace(/\s+/g, '');
  if (text.startsWith('定量')) return '定量';
  if (text.startsWith('定性')) return '定性';
  return null;
}
