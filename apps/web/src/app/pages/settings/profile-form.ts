import { FieldError } from '@pm/api-contract';
import { DEFAULT_PROFILE, EvaluatedIndicator, ProfileProblem, scoreSelfEvaluation, scoringParametersOf, SettingsProfile } from '@pm/domain';
import Decimal from 'decimal.js';
import { SETTINGS_TEXT } from './settings.text';

const NUMBER = /^\s*\d+(\.\d+)?\s*$/;

/** A profile to edit, detached from the one it came from (profiles are plain JSON). */
export function copyOf(profile: SettingsProfile, name = profile.name): SettingsProfile {
  return { ...(JSON.parse(JSON.stringify(profile)) as SettingsProfile), name };
}

/** A new profile starts from the built-in defaults, without a name. */
export function newProfile(): SettingsProfile {
  return copyOf(DEFAULT_PROFILE, '');
}

/**
 * The profile with one field changed, by the same path its problems name (`gradeBands.优`,
 * `qualitativeTiers.达成年度指标.0`, `warningRules.ratio.red`); `undefined` removes the key.
 */
export function withField(profile: SettingsProfile, path: string, value: unknown): SettingsProfile {
  const next = copyOf(profile);
  const keys = path.split('.');
  let node = next as unknown as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) {
    if (node[key] === null || typeof node[key] !== 'object') node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined && !Array.isArray(node)) delete node[last];
  else node[last] = value;
  return next;
}

/** The overshoot threshold as the clerk reads it: 1.2 → `120` (%). Text that is not a number is shown as typed. */
export function thresholdAsPercent(threshold: string): string {
  return NUMBER.test(threshold) ? new Decimal(threshold.trim()).times(100).toString() : threshold;
}

/** `120` (%) → `1.2`; text that is not a number is kept, so the profile's check names it. */
export function percentAsThreshold(percent: string): string {
  return NUMBER.test(percent) ? new Decimal(percent.trim()).div(100).toString() : percent;
}

/** The monthly floors in month order, for a table of rows. */
export function floorsOf(floors: Record<string, string>): { month: string; floor: string }[] {
  return Object.entries(floors)
    .map(([month, floor]) => ({ month, floor }))
    .sort((a, b) => Number(a.month) - Number(b.month));
}

export function floorsFrom(rows: { month: string; floor: string }[]): Record<string, string> {
  return Object.fromEntries(rows.map((r) => [r.month, r.floor]));
}

/** Problems said in the words of the form: the overshoot threshold is typed as a percent. */
function shown(problem: ProfileProblem): ProfileProblem {
  return problem.field === 'overshootThreshold' ? { ...problem, message: SETTINGS_TEXT.overshootProblem } : problem;
}

/** The server's `profile.gradeBands.优` errors in the form's field paths. */
export function fromServer(errors: FieldError[] | undefined, fallback: { field: string; message: string } | null): ProfileProblem[] {
  const tied = (errors ?? []).filter((e) => e.field).map((e) => ({ field: (e.field as string).replace(/^profile\./, ''), message: e.message }));
  return tied.length || !fallback ? tied : [fallback];
}

/** Every problem, live and from the server, by field; a field shows its own and nothing of its neighbours. */
export function problemsByField(problems: ProfileProblem[]): Record<string, string[]> {
  const byField: Record<string, string[]> = {};
  for (const p of problems.map(shown)) {
    const messages = (byField[p.field] ??= []);
    if (!messages.includes(p.message)) messages.push(p.message);
  }
  return byField;
}

/** How the profile's 反向 rule scores the worked example (15 points, ≤ 90, actual 120), by the domain's engine. */
export function reverseExample(rule: SettingsProfile['reverseRule']): string | null {
  const row: EvaluatedIndicator = { level1: '产出指标', level2: '成本指标', name: '例', comparator: '≤', value: '90', unit: '万元', kind: '定量', weight: '15', actual: '120', tier: null, tierScore: null, applicable: true, deviationNote: '' };
  if (rule !== 'ratio' && rule !== 'linear') return null;
  const card = scoreSelfEvaluation({ initial: '1', adjustment: '0', executed: '1' }, [row], { ...scoringParametersOf(DEFAULT_PROFILE), reverseRule: rule });
  return card.indicators[0].explanation?.formula ?? null;
}
