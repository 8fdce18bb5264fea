import { Injectable } from '@nestjs/common';
import { checkDepartmentTarget, DEPARTMENT_TARGET_CHAIN } from '@pm/domain';
import { EntityManager } from 'typeorm';
import { blockedByChecks } from '../common/api-error';
import { Organization } from '../organizations/organization.entity';
import { ReviewedKind } from '../review/reviewed-kind';
import { SettingsService } from '../settings/settings.service';
import { DepartmentTarget } from './department-target.entity';

/** A department's overall target of one fiscal year: the key of a department target. */
export interface DepartmentYear {
  department: Organization;
  year: number;
}

/** The content a department target's version keeps (and the checks read). */
export function contentOf(t: DepartmentTarget) {
  return {
    duties: t.duties,
    tasks: t.tasks,
    budget: { total: t.budgetTotal, basic: t.budgetBasic, project: t.budgetProject, appropriation: t.budgetAppropriation, carryOver: t.budgetCarryOver, other: t.budgetOther },
    indicators: t.indicators,
  };
}

/** 部门整体绩效目标 on the review chain: written by its department, approved by finance. */
@Injectable()
export class DepartmentTargetKind implements ReviewedKind<DepartmentTarget, DepartmentYear> {
  readonly chain = DEPARTMENT_TARGET_CHAIN;
  readonly entity = DepartmentTarget;
  readonly createdOnFirstSave = true;
  readonly missing = '该部门尚未填报部门整体绩效目标，请刷新后重试';

  constructor(private readonly settings: SettingsService) {}

  organizationOf(key: DepartmentYear): string {
    return key.department.id;
  }

  find({ department, year }: DepartmentYear): Partial<DepartmentTarget> {
    return { departmentId: department.id, fiscalYear: year };
  }

  async snapshot(_db: EntityManager, target: DepartmentTarget) {
    return contentOf(target);
  }

  async check(_db: EntityManager, target: DepartmentTarget, { year }: DepartmentYear, action: string): Promise<void> {
    if (action !== 'submit') return;
    const blocking = checkDepartmentTarget(contentOf(target), await this.settings.profileForYear(year)).filter((c) => c.severity === 'blocking');
    if (blocking.length) throw blockedByChecks(blocking);
  }

  stale(current: number): string {
    return `部门整体绩效目标已被他人修改（当前版本 ${current}），请刷新后重试`;
  }
}
