import { SheetCheck } from '../indicators/sheet-checks';
import { Colour } from './colours';
import { checkReport, ReportBudget, ReportRow } from './report-checks';
import { WarningRules } from './warning-rules';
import { budgetWarning, indicatorWarning, reportColour, Warning } from './warnings';

export interface ReportAssessment {
  budget: Warning | null;
  rows: (Warning | null)[];
  colour: Colour | null;
  checks: SheetCheck[];
}

/** Every warning and check of a report at once: what the API stores on every save and the browser shows on every keystroke. */
export function assessReport(budget: ReportBudget, rows: readonly ReportRow[], month: number, rules: WarningRules, categories: readonly string[]): ReportAssessment {
  const budgetW = budgetWarning(budget, month, rules);
  const rowWarnings = rows.map((r) => indicatorWarning(r, r, month, rules));
  return { budget: budgetW, rows: rowWarnings, colour: reportColour(budgetW, rowWarnings), checks: checkReport(budget, rows, rowWarnings, categories, month) };
}
