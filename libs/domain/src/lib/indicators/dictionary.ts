/**
 * The indicator dictionary (SPEC §3): 一级 and their 二级 for project sheets in both regimes,
 * and the department overall-target dictionary. Names are stored in their full form (…指标).
 */

/** classic: 成本指标 is a 二级 under 产出指标; core2021: 成本指标 is a 一级 of its own. */
export const REGIMES = ['classic', 'core2021'] as const;
export type Regime = (typeof REGIMES)[number];

export const REGIME_LABELS: Record<Regime, string> = {
  classic: '传统模板（成本指标为产出指标下的二级指标）',
  core2021: '2021 年核心指标模板（成本指标为一级指标）',
};

export type Dictionary = Readonly<Record<string, readonly string[]>>;

/** Both placements of 成本指标 are accepted: tables of both kinds circulate in the same year. */
export const PROJECT_DICTIONARY: Dictionary = {
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  成本指标: ['经济成本指标', '社会成本指标', '生态环境成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
};

export const DEPARTMENT_DICTIONARY: Dictionary = {
  投入管理指标: ['工作目标管理', '预算和财务管理', '绩效管理'],
  产出指标: ['数量指标', '质量指标', '时效指标', '成本指标'],
  效益指标: ['经济效益指标', '社会效益指标', '生态效益指标', '可持续影响指标'],
  满意度指标: ['服务对象满意度指标'],
  履职效能: ['履职效能'],
};

/**
 * The 二级 meant when a table writes a 一级's own name as its 二级 (`满意度指标` under `满意度指标`,
 * SPEC §7): the only one, or the one most tables use.
 */
export const DEFAULT_LEVEL2: Readonly<Record<string, string>> = {
  产出指标: '数量指标',
  成本指标: '经济成本指标',
  效益指标: '社会效益指标',
  满意度指标: '服务对象满意度指标',
};

/** The 一级 a new sheet starts with, in order. */
export function startingLevel1(regime: Regime): string[] {
  return regime === 'core2021' ? ['产出指标', '成本指标', '效益指标', '满意度指标'] : ['产出指标', '效益指标', '满意度指标'];
}

const WHITESPACE = /[\s\u3000]+/g;

const known = new WeakMap<Dictionary, Set<string>>();

/** Every 一级 and 二级 name of a dictionary, built once per dictionary (an import normalises every cell). */
function knownNames(dictionary: Dictionary): Set<string> {
  let names = known.get(dictionary);
  if (!names) known.set(dictionary, (names = new Set([...Object.keys(dictionary), ...Object.values(dictionary).flat()])));
  return names;
}

/**
 * `社会效益` → `社会效益指标`, `产出 指标` → `产出指标`, `满意 度指 标` → `满意度指标`.
 * Names the dictionary does not know are returned without their spaces.
 */
/** Other provinces' names for the same 一级 (广东's 批复表: 预期产出指标, 效果指标). */
const NAME_SYNONYMS: Readonly<Record<string, string>> = { 预期产出指标: '产出指标', 预期产出: '产出指标', 效果指标: '效益指标', 预期效果指标: '效益指标', 效益: '效益指标' };

export function normaliseIndicatorName(raw: string, dictionary: Dictionary = PROJECT_DICTIONARY): string {
  const compact = raw.replace(WHITESPACE, '');
  const known = knownNames(dictionary);
  if (known.has(compact)) return compact;
  if (known.has(`${compact}指标`)) return `${compact}指标`;
  if (NAME_SYNONYMS[compact]) return NAME_SYNONYMS[compact];
  // a note in brackets after a known name: 数量指标（或建筑规模指标）, 时效指标（工期指标）, or its score: 成本指标(0-20)分
  const bare = compact.replace(/[（(][^（()）]*[)）]分?$/, '');
  if (bare !== compact && (known.has(bare) || known.has(`${bare}指标`))) return known.has(bare) ? bare : `${bare}指标`;
  return compact;
}

export function isLevel1(name: string, dictionary: Dictionary = PROJECT_DICTIONARY): boolean {
  return Object.prototype.hasOwnProperty.call(dictionary, name);
}

export function level2Allowed(level1: string, level2: string, dictionary: Dictionary = PROJECT_DICTIONARY): boolean {
  return isLevel1(level1, dictionary) && dictionary[level1].includes(level2);
}

/** The 一级 a 二级 belongs to, when only one 一级 has it (used to infer the 二级's parent). */
export function level1Of(level2: string, dictionary: Dictionary = PROJECT_DICTIONARY): string | null {
  const owners = Object.keys(dictionary).filter((level1) => dictionary[level1].includes(level2));
  return owners.length === 1 ? owners[0] : null;
}
