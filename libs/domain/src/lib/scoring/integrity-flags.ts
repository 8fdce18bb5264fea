import Decimal from 'decimal.js';
import { decimalOf, percentOf, plain } from '../figures/explanation';
import { BudgetExecution, EvaluatedIndicator, Scorecard, scoringMethodOf } from './score';

/** A pattern in a self-evaluation that a reviewer should look at; it explains itself. */
export interface IntegrityFlag {
  code: string;
  message: string;
}

export interface PortfolioContext {
  /** For each row, how many other projects of the year wrote the same 偏差原因. */
  sameNoteElsewhere?: readonly number[];
  /** For each row, the 全年预计完成值 of the project's latest monitoring report, when there is one. */
  forecasts?: readonly (string | null)[];
}

/** Notes too short or too common to be copied text. */
const TRIVIAL = new Set(['无偏差', '无', '/', '—', '-', '已完成', '完成']);
/** An actual this far from the forecast made at the last monitoring cut-off is worth a look. */
export const FORECAST_GAP = new Decimal('0.5');

/**
 * Integrity flags (SPEC §6, issue 10): every actual exactly its target (the pattern of the published
 * 2024 tables), full marks while execution is below 100 %, the same 偏差原因 text in many projects, an
 * actual far from the monitoring forecast, and suspiciously round numbers.
 */
export function integrityFlags(budget: BudgetExecution, indicators: readonly EvaluatedIndicator[], card: Scorecard, context: PortfolioContext = {}): IntegrityFlag[] {
  const flags: IntegrityFlag[] = [];
  const rows = indicators.map((i, n) => ({ i, n, s: card.indicators[n] })).filter((r) => r.i.applicable);
  const quantitative = rows.filter((r) => scoringMethodOf(r.i) !== 'tier' && decimalOf(r.i.actual) && decimalOf(r.i.value));
  const same = (r: (typeof rows)[number]) => (scoringMethodOf(r.i) === 'tier' ? (r.i.actual ?? '').trim() === r.i.value.trim() : (decimalOf(r.i.actual) as Decimal).equals(decimalOf(r.i.value) as Decimal));
  const comparable = rows.filter((r) => (scoringMethodOf(r.i) === 'tier' ? !!r.i.actual?.trim() : quantitative.includes(r)));
  if (comparable.length >= 2 && comparable.every(same)) {
    flags.push({ code: 'actuals-equal-targets', message: `全部 ${comparable.length} 项指标的实际完成值都与指标值完全相同，请核实是否如实填报` });
  }
  const rate = card.budget.rate;
  const allFull = rows.length > 0 && rows.every((r) => r.s.score !== null && new Decimal(r.s.score).equals(decimalOf(r.i.weight) ?? 0));
  if (allFull && rate !== null && new Decimal(rate).lessThan(100)) {
    flags.push({ code: 'full-marks-under-execution', message: `各项指标均得满分，但预算执行率仅 ${rate}%，请核实指标完成情况` });
  }
  rows.forEach((r) => {
    const note = r.i.deviationNote.trim();
    const elsewhere = context.sameNoteElsewhere?.[r.n] ?? 0;
    if (note.length >= 6 && !TRIVIAL.has(note) && elsewhere >= 2) {
      flags.push({ code: 'same-deviation-note', message: `第 ${r.n + 1} 行“${r.i.name}”的偏差原因与本年度另外 ${elsewhere} 个项目完全相同，请核实是否照抄` });
    }
    const forecast = decimalOf(context.forecasts?.[r.n] ?? null);
    const actual = decimalOf(r.i.actual);
    if (forecast && actual && !forecast.isZero() && quantitative.includes(r)) {
      const gap = actual.minus(forecast).abs().div(forecast);
      if (gap.greaterThan(FORECAST_GAP)) {
        flags.push({ code: 'far-from-forecast', message: `第 ${r.n + 1} 行“${r.i.name}”实际完成值 ${plain(actual)} 与监控时预计的全年完成值 ${plain(forecast)} 相差 ${percentOf(gap)}%` });
      }
    }
  });
  const differing = quantitative.filter((r) => !same(r));
  if (differing.length >= 3 && differing.every((r) => (decimalOf(r.i.actual) as Decimal).mod(10).isZero())) {
    flags.push({ code: 'round-numbers', message: `${differing.length} 项与指标值不同的实际完成值都是整十数，请核实是否为估算值` });
  }
  return flags;
}
