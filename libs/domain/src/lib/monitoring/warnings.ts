import Decimal from 'decimal.js';
import { decimalOf, Explanation, percentOf, plain } from '../figures/explanation';
import { directionOf, IndicatorKind, normaliseComparator } from '../indicators/comparator';
import { formatYuan } from '../money/money';
import { atLeast, Colour, COLOUR_LABELS, worstColour } from './colours';
import { QUALITATIVE_PROGRESS, WarningRules } from './warning-rules';

/** A computed warning: its colour, the ratio it came from (percent, 2 dp) and how. */
export interface Warning {
  colour: Colour;
  ratio: string | null;
  explanation: Explanation;
}

/** The definition of a monitored indicator, as the approved sheet has it. */
export interface MonitoredIndicator {
  level1: string;
  level2: string;
  name: string;
  comparator: string | null;
  value: string;
  unit: string;
  kind: IndicatorKind | string;
}

export interface IndicatorProgress {
  current: string | null;
  likelihood?: string | null;
}

const HUNDRED = new Decimal(100);

/** 质量 / 时效 / 成本 are states, not quantities that grow over the year. */
function isRangeChecked(i: MonitoredIndicator): boolean {
  return ['质量指标', '时效指标', '成本指标'].includes(i.level2) || i.level1 === '成本指标';
}

interface Band {
  colour: Colour;
  words: string;
}

const thresholds = new WeakMap<WarningRules['ratio'], { red: Decimal; yellow: Decimal; blue: Decimal }>();

/** The colour of a progress ratio under the ratio rule (lower bounds inclusive); 蓝 only where ahead means something. */
function ratioBand(percent: Decimal, rules: WarningRules, withBlue: boolean): Band {
  const { red, yellow, blue } = rules.ratio;
  let limits = thresholds.get(rules.ratio);
  if (!limits) thresholds.set(rules.ratio, (limits = { red: new Decimal(red), yellow: new Decimal(yellow), blue: new Decimal(blue) }));
  if (percent.lessThan(limits.red)) return { colour: 'red', words: `<${red}%` };
  if (percent.lessThan(limits.yellow)) return { colour: 'yellow', words: `${red}%–${yellow}%` };
  if (!withBlue) return { colour: 'green', words: `≥${yellow}%` };
  if (percent.lessThan(limits.blue)) return { colour: 'green', words: `${yellow}%–${blue}%` };
  return { colour: 'blue', words: `≥${blue}%` };
}

/** The floor of the highest month not after the cut-off, or null before the first one. */
function floorOf(month: number, rules: WarningRules): { month: number; floor: Decimal } | null {
  const months = Object.keys(rules.floors)
    .map(Number)
    .filter((m) => m <= month)
    .sort((a, b) => b - a);
  return months.length ? { month: months[0], floor: new Decimal(rules.floors[String(months[0])]) } : null;
}

/**
 * Progress (a share of the year's target, or the budget execution rate) against the time elapsed,
 * under the profile's method. `progress` is exact; it is rounded once, for the words.
 */
function againstTime(progress: Decimal, month: number, rules: WarningRules, withBlue: boolean, ratioFormula: (pct: string) => string, what: string): { colour: Colour; ratio: string; formula: string } {
  const progressPct = progress.times(HUNDRED);
  if (rules.method === 'lag') {
    const timePct = new Decimal(month).div(12).times(HUNDRED);
    const behind = timePct.minus(progressPct);
    const colour: Colour = behind.greaterThanOrEqualTo(rules.lag.red) ? 'red' : behind.greaterThanOrEqualTo(rules.lag.yellow) ? 'yellow' : 'green';
    const band = colour === 'red' ? `落后 ≥${rules.lag.red} 个百分点` : colour === 'yellow' ? `落后 ${rules.lag.yellow}–${rules.lag.red} 个百分点` : `落后不足 ${rules.lag.yellow} 个百分点`;
    const formula = `时间进度 ${percentOf(new Decimal(month).div(12))}%（${month}/12）− ${what} ${percentOf(progress)}% = ${behind.toFixed(2, Decimal.ROUND_HALF_UP)} 个百分点 → ${COLOUR_LABELS[colour]}（${band}）`;
    return { colour, ratio: percentOf(progress), formula };
  }
  if (rules.method === 'floors') {
    const floor = floorOf(month, rules);
    if (!floor) return { colour: 'green', ratio: percentOf(progress), formula: `${what} ${percentOf(progress)}%，1-${month}月未设进度要求 → 绿` };
    const yellowFrom = floor.floor.minus(rules.floorYellowBand);
    const colour: Colour = progressPct.greaterThanOrEqualTo(floor.floor) ? 'green' : progressPct.greaterThanOrEqualTo(yellowFrom) ? 'yellow' : 'red';
    const band = colour === 'green' ? `不低于 ${plain(floor.floor)}%` : colour === 'yellow' ? `低于 ${plain(floor.floor)}% 不足 ${rules.floorYellowBand} 个百分点` : `低于 ${plain(yellowFrom)}%`;
    return { colour, ratio: percentOf(progress), formula: `${what} ${percentOf(progress)}%，1-${floor.month}月要求不低于 ${plain(floor.floor)}% → ${COLOUR_LABELS[colour]}（${band}）` };
  }
  const percent = progressPct.times(12).div(month);
  const band = ratioBand(percent, rules, withBlue);
  const shown = percent.toFixed(2, Decimal.ROUND_HALF_UP);
  return { colour: band.colour, ratio: shown, formula: `${ratioFormula(shown)} → ${COLOUR_LABELS[band.colour]}（${band.words}）` };
}

/** The budget warning: 执行率 against time progress (SPEC §5); null while the execution is not filled in. */
export function budgetWarning(budget: { annual: string; executed: string | null }, month: number, rules: WarningRules): Warning | null {
  const executed = decimalOf(budget.executed);
  const annual = new Decimal(budget.annual);
  if (executed === null) return null;
  const annualText = formatYuan(annual);
  const executedText = formatYuan(executed);
  const inputs = { 全年预算数: annualText, [`1-${month}月执行数`]: executedText, 截止月份: String(month) };
  if (annual.isZero()) return { colour: 'green', ratio: null, explanation: { rule: '预算执行', inputs, formula: '全年预算数为 0，不计执行进度 → 绿', result: '绿' } };
  const rate = executed.div(annual);
  const { colour, ratio, formula } = againstTime(rate, month, rules, false, (pct) => `${executedText} ÷ (${annualText} × ${month}/12) = ${pct}%`, '执行率');
  return { colour, ratio, explanation: { rule: ruleName(rules, '预算执行：执行率 ÷ 时间进度'), inputs, formula, result: COLOUR_LABELS[colour] } };
}

function ruleName(rules: WarningRules, ratioRule: string): string {
  if (rules.method === 'lag') return `${ratioRule.split('：')[0]}：落后时间进度的百分点`;
  if (rules.method === 'floors') return `${ratioRule.split('：')[0]}：序时进度底线`;
  return ratioRule;
}

/** The warning of one indicator at the cut-off month (SPEC §5); null while its current value is not filled in. */
export function indicatorWarning(indicator: MonitoredIndicator, progress: IndicatorProgress, month: number, rules: WarningRules): Warning | null {
  const base = indicatorColour(indicator, progress, month, rules);
  if (!base) return null;
  const likelihood = progress.likelihood ?? null;
  if (likelihood === '完全不可能' && base.colour !== 'red') return withLikelihood(base, 'red', '完成目标可能性为“完全不可能” → 红');
  if (likelihood === '有可能' && atLeast(base.colour, 'yellow') !== base.colour) return withLikelihood(base, 'yellow', '完成目标可能性为“有可能” → 至少为黄');
  return base;
}

function withLikelihood(warning: Warning, colour: Colour, words: string): Warning {
  return { ...warning, colour, explanation: { ...warning.explanation, inputs: { ...warning.explanation.inputs, 完成目标可能性: words.match(/“(.+)”/)?.[1] ?? '' }, formula: `${warning.explanation.formula}；${words}`, result: COLOUR_LABELS[colour] } };
}

function indicatorColour(indicator: MonitoredIndicator, progress: IndicatorProgress, month: number, rules: WarningRules): Warning | null {
  const currentText = progress.current?.trim() ?? '';
  if (currentText === '') return null;
  const comparator = normaliseComparator(indicator.comparator ?? '') ?? (indicator.kind === '定量' ? '≥' : null);
  const direction = directionOf(comparator, indicator.kind === '定性' ? '定性' : '定量');
  const done = (colour: Colour, ratio: string | null, rule: string, inputs: Record<string, string>, formula: string): Warning => ({ colour, ratio, explanation: { rule, inputs, formula, result: COLOUR_LABELS[colour] } });

  if (direction === '定性') {
    const colours: Record<string, Colour> = { [QUALITATIVE_PROGRESS[0]]: 'green', [QUALITATIVE_PROGRESS[1]]: 'yellow', [QUALITATIVE_PROGRESS[2]]: 'red' };
    const colour = colours[currentText];
    if (!colour) return null;
    return done(colour, null, '定性指标：达成 绿、部分达成 黄、未达成 红', { 截至当前完成情况: currentText, 指标值: indicator.value }, `${currentText} → ${COLOUR_LABELS[colour]}`);
  }
  const current = decimalOf(currentText);
  const target = decimalOf(indicator.value);
  if (current === null || target === null) return null;
  const c = plain(current);
  const t = plain(target);
  const inputs = { 当前完成值: c, 指标值: t, 截止月份: String(month) };

  if (direction === '反向') {
    const within = comparator === '<' ? current.lessThan(target) : current.lessThanOrEqualTo(target);
    const colour: Colour = within ? 'green' : 'red';
    const sign = within ? comparator : comparator === '<' ? '≥' : '>';
    return done(colour, null, '反向指标：在限值内 绿，超出 红', inputs, `${c} ${sign} ${t}（${within ? '在限值内' : '超出限值'}）→ ${COLOUR_LABELS[colour]}`);
  }
  if (direction === '等于' && target.isZero()) {
    const colour: Colour = current.lessThanOrEqualTo(0) ? 'green' : 'red';
    return done(colour, null, '等于 0 的指标：未发生 绿，发生 红', inputs, `${c} ${colour === 'green' ? '=' : '>'} 0 → ${COLOUR_LABELS[colour]}`);
  }
  if (rules.proRate === 'partial' && isRangeChecked(indicator)) {
    const met = comparator === '>' ? current.greaterThan(target) : current.greaterThanOrEqualTo(target);
    const colour: Colour = met ? 'green' : 'red';
    return done(colour, null, '质量、时效、成本指标：不按时间折算，达到指标值 绿，未达到 红', inputs, `${c} ${met ? comparator : '<'} ${t}（${met ? '达到' : '未达到'}指标值）→ ${COLOUR_LABELS[colour]}`);
  }
  if (current.lessThanOrEqualTo(0)) return done('red', '0.00', '正向指标：当前完成值 ÷（指标值 × 时间进度）', inputs, `当前完成值为 ${c} → 红`);
  if (target.isZero()) return done('green', null, '正向指标：当前完成值 ÷（指标值 × 时间进度）', inputs, `指标值为 0，已完成 ${c} → 绿`);
  const { colour, ratio, formula } = againstTime(current.div(target), month, rules, true, (pct) => `${c} ÷ (${t} × ${month}/12) = ${pct}%`, '完成进度');
  return done(colour, ratio, ruleName(rules, '正向指标：当前完成值 ÷（指标值 × 时间进度）'), inputs, formula);
}

/** A project takes its worst colour: 红 > 黄 > 绿 > 蓝 (SPEC §5). */
export function reportColour(budget: Warning | null, indicators: readonly (Warning | null)[]): Colour | null {
  return worstColour([budget?.colour, ...indicators.map((w) => w?.colour)]);
}
