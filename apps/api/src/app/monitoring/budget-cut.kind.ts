import { Injectable } from '@nestjs/common';
import { BUDGET_CUT_CHAIN } from '@pm/domain';
import { ReviewedKind } from '../review/reviewed-kind';
import { BudgetCut } from './budget-cut.entity';

/** 调减预算申请 on the review chain: the lead asks, finance decides. */
@Injectable()
export class BudgetCutKind implements ReviewedKind<BudgetCut, BudgetCut> {
  readonly chain = BUDGET_CUT_CHAIN;
  readonly entity = BudgetCut;
  readonly createdOnFirstSave = false;
  readonly missing = '未找到该调减预算申请，请刷新后重试';

  organizationOf(cut: BudgetCut): string {
    return cut.unitId;
  }

  find(cut: BudgetCut): Partial<BudgetCut> {
    return { id: cut.id };
  }

  async snapshot(_db: unknown, cut: BudgetCut) {
    return { amount: cut.amount, reason: cut.reason, reportId: cut.reportId };
  }

  stale(current: number, read: number): string {
    return `调减预算申请已变化（当前版本 ${current}，您读取的是版本 ${read}），请刷新后重试`;
  }
}
