import Decimal from 'decimal.js';
import { PROJECT_DICTIONARY, REGIMES } from '../indicators/dictionary';
import { QUALITATIVE_TIER_NAMES, SettingsProfile } from './settings-profile';

export interface ProfileProblem {
  /** Path of the field inside the profile: `gradeBands.优`, `warningRules.ratio.red`. */
  field: string;
  message: string;
}

const WARNING_METHODS = ['ratio', 'lag', 'floors'] as const;

/**
 * What makes a profile unusable (SPEC §8), each problem tied to its field and said as a finance clerk
 * would: weights that do not add up to 100, grade bands out of order, tiers with gaps. An empty
 * list means the profile can score a year.
 */
export function profileProblems(p: SettingsProfile): ProfileProblem[] {
  const problems: ProfileProblem[] = [];
  const say = (field: string, message: string) => problems.push({ field, message });
  const number = (field: string, text: unknown, label: string, from = 0, to = 100): Decimal | null => {
    const value = typeof text === 'string' && /^\s*-?\d+(\.\d+)?\s*$/.test(text) ? new Decimal(text.trim()) : null;
    if (!value) say(field, `${label}应为数字`);
    else if (value.lessThan(from) || value.greaterThan(to)) say(field, `${label}应在 ${from}–${to} 之间`);
    else return value;
    return null;
  };

  if (typeof p.name !== 'string' || !p.name.trim()) say('name', '请填写方案名称');
  else if (p.name.trim().length > 100) say('name', '方案名称不超过 100 字');
  if (!(REGIMES as readonly string[]).includes(p.regime)) say('regime', '指标模板须为传统模板或 2021 年核心指标模板');
  if (!Array.isArray(p.requiredLevel1) || p.requiredLevel1.some((l) => !Object.prototype.hasOwnProperty.call(PROJECT_DICTIONARY, l))) {
    say('requiredLevel1', `必备一级指标只能是：${Object.keys(PROJECT_DICTIONARY).join('、')}`);
  }

  const indicators = number('indicatorWeightTotal', p.indicatorWeightTotal, '指标分值合计');
  const budget = number('budgetWeight', p.budgetWeight, '预算执行率分值');
  if (indicators && budget && !indicators.plus(budget).equals(100)) say('budgetWeight', `指标分值合计 ${indicators} 与预算执行率分值 ${budget} 之和应为 100`);
  if (p.suggestedSplit && typeof p.suggestedSplit === 'object') {
    let sum = new Decimal(0);
    for (const [level1, weight] of Object.entries(p.suggestedSplit)) {
      if (!Object.prototype.hasOwnProperty.call(PROJECT_DICTIONARY, level1)) say(`suggestedSplit.${level1}`, `“${level1}”不是一级指标`);
      sum = sum.plus(number(`suggestedSplit.${level1}`, weight, `${level1}的建议分值`) ?? 0);
    }
    if (indicators && Object.keys(p.suggestedSplit).length && !sum.equals(indicators)) say('suggestedSplit', `建议分值之和 ${sum} 应等于指标分值合计 ${indicators}`);
  } else say('suggestedSplit', '请填写各一级指标的建议分值');

  if (p.reverseRule !== 'ratio' && p.reverseRule !== 'linear') say('reverseRule', '反向指标计分方法须为比值法或线性法');
  number('overshootThreshold', p.overshootThreshold, '超额完成需说明的倍数', 1, 10);
  if (typeof p.notApplicableRescale !== 'boolean') say('notApplicableRescale', '请选择不适用指标是否按比例折算');

  const bands = p.gradeBands ?? ({} as SettingsProfile['gradeBands']);
  const [excellent, good, fair] = [number('gradeBands.优', bands.优, '“优”的分数线'), number('gradeBands.良', bands.良, '“良”的分数线'), number('gradeBands.中', bands.中, '“中”的分数线')];
  if (excellent && good && fair && !(excellent.greaterThan(good) && good.greaterThan(fair))) say('gradeBands', '等级分数线应为 优 > 良 > 中');

  if (!Array.isArray(p.deviationCategories) || !p.deviationCategories.length) say('deviationCategories', '请至少设置一个偏差原因类别');
  else p.deviationCategories.forEach((c, n) => {
    if (typeof c !== 'string' || !c.trim() || c.length > 50) say(`deviationCategories.${n}`, `第 ${n + 1} 个偏差原因类别应为 1–50 个字`);
  });
  if (Array.isArray(p.deviationCategories) && new Set(p.deviationCategories).size !== p.deviationCategories.length) say('deviationCategories', '偏差原因类别不能重复');

  warningProblems(p, say, number);
  tierProblems(p, say, number);
  return problems;
}

type Say = (field: string, message: string) => void;
type NumberOf = (field: string, text: unknown, label: string, from?: number, to?: number) => Decimal | null;

function warningProblems(p: SettingsProfile, say: Say, number: NumberOf): void {
  const rules = p.warningRules;
  if (!rules || typeof rules !== 'object') return say('warningRules', '请设置预警规则');
  if (!(WARNING_METHODS as readonly string[]).includes(rules.method)) say('warningRules.method', '预警方法须为比值法、差距法或序时进度底线');
  const [red, yellow, blue] = [number('warningRules.ratio.red', rules.ratio?.red, '红色预警线', 0, 1000), number('warningRules.ratio.yellow', rules.ratio?.yellow, '黄色预警线', 0, 1000), number('warningRules.ratio.blue', rules.ratio?.blue, '蓝色预警线', 0, 1000)];
  if (red && yellow && blue && !(red.lessThan(yellow) && yellow.lessThan(blue))) say('warningRules.ratio', '比值法的预警线应为 红 < 黄 < 蓝');
  const [lagYellow, lagRed] = [number('warningRules.lag.yellow', rules.lag?.yellow, '黄色预警落后点数'), number('warningRules.lag.red', rules.lag?.red, '红色预警落后点数')];
  if (lagYellow && lagRed && !lagYellow.lessThan(lagRed)) say('warningRules.lag', '差距法中黄色预警的落后点数应小于红色');
  let previous: Decimal | null = null;
  for (const month of Object.keys(rules.floors ?? {}).sort((a, b) => Number(a) - Number(b))) {
    if (!/^(1[0-2]|[1-9])$/.test(month)) say(`warningRules.floors.${month}`, `“${month}”不是月份（1–12）`);
    const floor = number(`warningRules.floors.${month}`, rules.floors[month], `1-${month} 月进度底线`);
    if (floor && previous && floor.lessThan(previous)) say(`warningRules.floors.${month}`, `1-${month} 月进度底线不应低于前面的月份`);
    previous = floor ?? previous;
  }
  number('warningRules.floorYellowBand', rules.floorYellowBand, '低于底线仍为黄色的点数');
  if (rules.proRate !== 'all' && rules.proRate !== 'partial') say('warningRules.proRate', '时间进度折算须为全部指标或部分指标');
}

/** The three tiers must cover 0–100 % of the weight without gaps: 未达成 [0, a), 部分达成 [a, b), 达成 [b, 100]. */
function tierProblems(p: SettingsProfile, say: Say, number: NumberOf): void {
  const tiers = p.qualitativeTiers;
  if (!tiers || typeof tiers !== 'object') return say('qualitativeTiers', '请设置定性指标的评判等级');
  const ranges = QUALITATIVE_TIER_NAMES.map((name) => {
    const [from, to] = Array.isArray(tiers[name]) ? tiers[name] : [];
    return { name, from: number(`qualitativeTiers.${name}.0`, from, `“${name}”的下限`), to: number(`qualitativeTiers.${name}.1`, to, `“${name}”的上限`) };
  });
  const [top, middle, bottom] = ranges;
  if (ranges.some((r) => !r.from || !r.to)) return;
  if (!bottom.from?.isZero()) say(`qualitativeTiers.${bottom.name}.0`, `“${bottom.name}”应从 0% 起`);
  if (!top.to?.equals(100)) say(`qualitativeTiers.${top.name}.1`, `“${top.name}”应到 100% 止`);
  if (!bottom.to?.equals(middle.from as Decimal)) say(`qualitativeTiers.${middle.name}.0`, `“${middle.name}”的下限应等于“${bottom.name}”的上限`);
  if (!middle.to?.equals(top.from as Decimal)) say(`qualitativeTiers.${top.name}.0`, `“${top.name}”的下限应等于“${middle.name}”的上限`);
  for (const r of ranges) if (r.from && r.to && !r.from.lessThan(r.to)) say(`qualitativeTiers.${r.name}`, `“${r.name}”的下限应小于上限`);
}
