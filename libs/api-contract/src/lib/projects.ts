import type { ProjectLevel, SheetStatus } from '@pm/domain';

/** Money travels as strings with 2 decimals, yuan. */
export interface Funds {
  total: string;
  currentYearAppropriation: string;
  carryOver: string;
  other: string;
}

export interface MidTermPlan {
  year1: string | null;
  year2: string | null;
  year3: string | null;
}

export interface ProjectDto {
  id: string;
  fiscalYear: number;
  unitId: string;
  unitName: string;
  code: string | null;
  name: string;
  category: string | null;
  level: ProjectLevel;
  leadName: string | null;
  overallGoal: string;
  funds: Funds;
  midTerm: MidTermPlan;
  /** The target sheet's state; a project with no sheet yet counts as draft. */
  targetSheet: {
    status: SheetStatus;
    version: number;
    isAdjustment: boolean;
    /** The history's latest version (the clerk's 第 N 版); 0 before the first submission. */
    historyVersion: number;
  };
}

export interface ProjectListQuery {
  fiscalYear?: number;
  q?: string;
  unitId?: string;
  /** The projects of the units under this 主管部门. */
  departmentId?: string;
  status?: SheetStatus;
  page?: number;
  pageSize?: number;
}

export interface Page<T> {
  items: T[];
  total: number;
}

export interface CreateProjectRequest {
  fiscalYear: number;
  unitId: string;
  code?: string | null;
  name: string;
  category?: string | null;
  level?: ProjectLevel;
  leadName?: string | null;
  overallGoal?: string;
  funds: Funds;
  midTerm?: Partial<MidTermPlan>;
}
