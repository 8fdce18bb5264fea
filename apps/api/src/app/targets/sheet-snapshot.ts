import { TargetIndicatorDto } from '@pm/api-contract';

/** What a version keeps: the rows (with their ids) and level weights as they were, and the project's goal and funds. */
export type SheetSnapshot = {
  indicators: TargetIndicatorDto[];
  levelWeights: { level1?: Record<string, string>; level2?: Record<string, string> };
  overallGoal: string;
  funds: { total: string; currentYearAppropriation: string; carryOver: string; other: string };
};
