import Decimal from 'decimal.js';
import { Role } from '../access/roles';
import { DEPARTMENT_DICTIONARY } from '../indicators/dictionary';
import { checkSheet, IndicatorRow, SheetCheck } from '../indicators/sheet-checks';
import { formatYuan } from '../money/money';
import { SettingsProfile } from '../settings/settings-profile';

/**
 * 部门整体绩效目标 (SPEC §2): 年度履职目标, 年度主要任务, 预算情况 and the department's indicators.
 * Written and submitted by the department, approved or returned by finance.
 */
export const DEPARTMENT_TARGET_STATUSES = ['draft', 'submitted', 'approved'] as const;
export type DepartmentTargetStatus = (typeof DEPARTMENT_TARGET_STATUSES)[number];

export interface DepartmentBudget {
  total: string;
  basic: string;
  project: string;
  appropriation: string;
  carryOver: string;
  other: string;
}

export interface DepartmentTargetContent {
  duties: string[];
  tasks: { name: string; content: string }[];
  budget: DepartmentBudget;
  indicators: IndicatorRow[];
}

/** 一级 a department's table must have. */
export const DEPARTMENT_REQUIRED_LEVEL1 = ['产出指标', '效益指标'];

export function checkDepartmentTarget(target: DepartmentTargetContent, profile: SettingsProfile): SheetCheck[] {
  const checks: SheetCheck[] = [];
  const sheetLevel = (field: string, code: string, message: string) => checks.push({ row: null, field, severity: 'blocking', code, message });
  if (target.duties.filter((d) => d.trim()).length === 0) sheetLevel('duties', 'duties-missing', '请填写年度履职目标');
  target.tasks.forEach((t, i) => {
    if (!t.name.trim()) sheetLevel('tasks', 'task-name-missing', `第 ${i + 1} 项主要任务缺少任务名称`);
  });
  const b = target.budget;
  const sum = (...parts: string[]) => parts.reduce((acc, p) => acc.plus(new Decimal(p || '0')), new Decimal(0));
  if (!sum(b.basic, b.project).equals(new Decimal(b.total || '0'))) {
    sheetLevel('budget', 'budget-by-kind', `预算总额 ${formatYuan(b.total || '0')} 元不等于基本支出与项目支出之和 ${formatYuan(sum(b.basic, b.project))} 元`);
  }
  if (!sum(b.appropriation, b.carryOver, b.other).equals(new Decimal(b.total || '0'))) {
    sheetLevel('budget', 'budget-by-source', `预算总额 ${formatYuan(b.total || '0')} 元不等于财政拨款、上年结转与其他资金之和 ${formatYuan(sum(b.appropriation, b.carryOver, b.other))} 元`);
  }
  const departmentProfile = { ...profile, requiredLevel1: DEPARTMENT_REQUIRED_LEVEL1 };
  return [...checks, ...checkSheet(target.indicators, departmentProfile, {}, { dictionary: DEPARTMENT_DICTIONARY, weights: false })];
}

export type DepartmentTargetAction = 'save' | 'submit' | 'approve' | 'return';

export type DepartmentTransition =
  | { ok: true; status: DepartmentTargetStatus }
  | { ok: false; refusal: 'forbidden' | 'conflict' | 'invalid'; message: string };

export function transitionDepartmentTarget(request: {
  status: DepartmentTargetStatus;
  action: DepartmentTargetAction;
  role: Role;
  actorSubmittedIt: boolean;
  comment?: string | null;
}): DepartmentTransition {
  const { status, action, role } = request;
  if (action === 'save' || action === 'submit') {
    if (role !== 'department_reviewer') return { ok: false, refusal: 'forbidden', message: '部门整体绩效目标由主管部门填报' };
    if (status !== 'draft') return { ok: false, refusal: 'conflict', message: '部门整体绩效目标已提交或已批复，不能修改' };
    return { ok: true, status: action === 'submit' ? 'submitted' : 'draft' };
  }
  if (role !== 'finance_reviewer') return { ok: false, refusal: 'forbidden', message: '部门整体绩效目标由财政部门审核' };
  if (status !== 'submitted') return { ok: false, refusal: 'conflict', message: '部门整体绩效目标不在审核中' };
  if (request.actorSubmittedIt) return { ok: false, refusal: 'forbidden', message: '不能审核自己提交的绩效目标' };
  if (action === 'return' && !request.comment?.trim()) return { ok: false, refusal: 'invalid', message: '退回时请填写退回意见' };
  return { ok: true, status: action === 'approve' ? 'approved' : 'draft' };
}

export const DEPARTMENT_TARGET_STATUS_LABELS: Record<DepartmentTargetStatus, string> = {
  draft: '草稿',
  submitted: '待财政审核',
  approved: '已批复',
};

/** Which department targets wait for a role's action: the department fills in, finance reviews. */
export function departmentTargetAwaiting(role: Role): DepartmentTargetStatus | null {
  if (role === 'department_reviewer') return 'draft';
  if (role === 'finance_reviewer') return 'submitted';
  return null;
}
