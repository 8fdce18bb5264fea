import Decimal from 'decimal.js';
import { DEPARTMENT_DICTIONARY } from '../indicators/dictionary';
import { checkSheet, IndicatorRow, SheetCheck } from '../indicators/sheet-checks';
import { formatYuan } from '../money/money';
import { SettingsProfile } from '../settings/settings-profile';
import { ReviewChain } from '../workflow/review-chain';

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

export const DEPARTMENT_TARGET_STATUS_LABELS: Record<DepartmentTargetStatus, string> = {
  draft: '草稿',
  submitted: '待财政审核',
  approved: '已批复',
};

/** The department writes and submits its own overall target; finance approves (批复) or returns it. */
export const DEPARTMENT_TARGET_CHAIN: ReviewChain<DepartmentTargetStatus> = {
  kind: 'department_target',
  noun: '部门整体绩效目标',
  states: DEPARTMENT_TARGET_STATUSES,
  labels: DEPARTMENT_TARGET_STATUS_LABELS,
  rows: [
    { action: 'save', from: 'draft', role: 'department_reviewer', as: 'author', to: 'draft', rule: '主管部门编辑本部门的草稿' },
    { action: 'import', from: 'draft', role: 'department_reviewer', as: 'author', to: 'draft', rule: '本部门导入部门整体绩效目标表' },
    { action: 'submit', from: 'draft', role: 'department_reviewer', as: 'author', to: 'submitted', effects: ['submitted'], rule: '主管部门提交财政审核' },
    { action: 'approve', from: 'submitted', role: 'finance_reviewer', as: 'reviewer', to: 'approved', effects: ['inForce'], rule: '财政批复' },
    { action: 'return', from: 'submitted', role: 'finance_reviewer', as: 'reviewer', to: 'draft', comment: true, effects: ['returned'], rule: '财政退回，须写意见' },
  ],
};
