import { auditLogWorkbook } from './audit-log.workbook';
import { departmentSelfEvaluationWorkbook } from './department-self-evaluation.workbook';
import { departmentSummaryWorkbook } from './department-summary.workbook';
import { departmentTargetWorkbook } from './department-target.workbook';
import { monitoringReportWorkbook, monitoringRoundWorkbook } from './monitoring-report.workbook';
import { projectFormWorkbook } from './project-form.workbook';
import { disclosureWorkbook, selfEvaluationWorkbook } from './self-evaluation.workbook';
import { targetTableWorkbook } from './target-table.workbook';

/** Every official table the API writes, by name: the workbook builders' worker runs them from this list. */
export const LAYOUTS = {
  targetTable: targetTableWorkbook,
  departmentSummary: departmentSummaryWorkbook,
  departmentTarget: departmentTargetWorkbook,
  projectForm: projectFormWorkbook,
  monitoringReport: monitoringReportWorkbook,
  monitoringRound: monitoringRoundWorkbook,
  selfEvaluation: selfEvaluationWorkbook,
  disclosure: disclosureWorkbook,
  departmentSelfEvaluation: departmentSelfEvaluationWorkbook,
  auditLog: auditLogWorkbook,
};

export type Layout = keyof typeof LAYOUTS;
export type LayoutData<L extends Layout> = Parameters<(typeof LAYOUTS)[L]>;
