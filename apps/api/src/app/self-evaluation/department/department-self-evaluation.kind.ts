import { Injectable } from '@nestjs/common';
import { assessDepartmentSelfEvaluation, DEPARTMENT_SELF_EVALUATION_CHAIN, DepartmentSelfEvaluationContent, scoringParametersOf } from '@pm/domain';
import { EntityManager } from 'typeorm';
import { blockedByChecks } from '../../common/api-error';
import { DepartmentYear } from '../../department-targets/department-target.kind';
import { ReviewedKind, ReviewSnapshot } from '../../review/reviewed-kind';
import { SettingsService } from '../../settings/settings.service';
import { DepartmentSelfEvaluation } from './department-self-evaluation.entity';

/** The content a version keeps and the checks read. */
export function contentOf(e: DepartmentSelfEvaluation): DepartmentSelfEvaluationContent & { notes: string } {
  return {
    budget: {
      basic: { initial: e.basicInitial, adjustment: e.basicAdjustment, executed: e.basicExecuted ?? '' },
      project: { initial: e.projectInitial, adjustment: e.projectAdjustment, executed: e.projectExecuted ?? '' },
    },
    duties: e.duties,
    indicators: e.indicators,
    notes: e.notes,
  };
}

/** 部门整体支出绩效自评表 on the review chain: filed by its department, approved by finance; a submit needs every blocking check resolved. */
@Injectable()
export class DepartmentSelfEvaluationKind implements ReviewedKind<DepartmentSelfEvaluation, DepartmentYear> {
  readonly chain = DEPARTMENT_SELF_EVALUATION_CHAIN;
  readonly entity = DepartmentSelfEvaluation;
  readonly createdOnFirstSave = true;
  readonly missing = '该部门尚未填报部门整体支出绩效自评表，请刷新后重试';

  constructor(private readonly settings: SettingsService) {}

  organizationOf(key: DepartmentYear): string {
    return key.department.id;
  }

  find({ department, year }: DepartmentYear): Partial<DepartmentSelfEvaluation> {
    return { departmentId: department.id, fiscalYear: year };
  }

  async snapshot(_db: EntityManager, evaluation: DepartmentSelfEvaluation): Promise<ReviewSnapshot> {
    return { ...contentOf(evaluation) };
  }

  async check(_db: EntityManager, evaluation: DepartmentSelfEvaluation, { year }: DepartmentYear, action: string): Promise<void> {
    if (action !== 'submit') return;
    const parameters = scoringParametersOf(await this.settings.profileForYear(year));
    const blocking = assessDepartmentSelfEvaluation(contentOf(evaluation), parameters).checks.filter((c) => c.severity === 'blocking');
    if (blocking.length) throw blockedByChecks(blocking);
  }

  stale(current: number, read: number): string {
    return `部门整体支出绩效自评表已被他人修改（当前版本 ${current}，您读取的是版本 ${read}），请刷新后重试`;
  }
}
