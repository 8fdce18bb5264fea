/**
 * The 2026 year-end self-evaluation of the demo: one 自评表 per approved demo sheet, filed at a pace of
 * its targets (1 on target, 0.85 short, 1.3 over) and walked to a state, so each role finds
 * self-evaluation work in its 待办: the lead a draft and a returned table, the department reviewer a
 * flagged submission (every actual equal to its target), finance one to approve, and one approved
 * with a reviewer's override beside the computed score. 信访局's table stays unfilled.
 */
export interface DemoEvaluation {
  project: string;
  lead: string;
  pace: number;
  /** Share of the annual budget executed. */
  execution: number;
  goalActual: string;
  /** A row (0-based) marked down by the department reviewer, with the reason. */
  override?: { row: number; share: number; reason: string };
  steps: ('submit' | 'override' | 'department' | 'finance' | 'return')[];
}

export const DEMO_SELF_EVALUATION_ROUND = { fiscalYear: 2026, deadline: '2027-02-28' };

export const DEMO_EVALUATIONS: DemoEvaluation[] = [
  {
    project: '《曲靖市人民政府公报》编印费及政府信息公开工作经费',
    lead: 'zfb.lead',
    pace: 1.3,
    execution: 0.98,
    goalActual: '全年编印《曲靖市人民政府公报》12 期，政府信息公开按时率 100%。',
    override: { row: 0, share: 0.8, reason: '编印期数超过指标值 30%，指标值设定偏低，按《预算绩效管理办法》第十条调减得分' },
    steps: ['submit', 'override', 'department', 'finance'],
  },
  {
    project: '政府办机关专项经费',
    lead: 'zfb.lead',
    pace: 1,
    execution: 0.92,
    goalActual: '已完成。',
    steps: ['submit'],
  },
  {
    project: '市政府总值班室调度平台运营服务项目经费',
    lead: 'zfb.lead',
    pace: 1,
    execution: 1,
    goalActual: '调度平台全年 7×24 小时运行，无中断，突发事件信息报送及时。',
    steps: ['submit', 'department'],
  },
  {
    project: '政务信息工作经费',
    lead: 'zfb.lead',
    pace: 0.85,
    execution: 0.88,
    goalActual: '全年报送政务信息基本完成，6 月受系统升级影响略有不足。',
    steps: [],
  },
  {
    project: '督办及调研工作经费',
    lead: 'zfb.lead',
    pace: 0.85,
    execution: 0.8,
    goalActual: '完成政府工作报告重点任务督查 4 轮，形成调研报告 6 篇；实地督查次数未达目标。',
    steps: ['submit', 'return'],
  },
];

/** The department table of 政府办, filed and waiting for finance. */
export const DEMO_DEPARTMENT_SELF_EVALUATION = {
  department: '曲靖市人民政府办公室',
  reviewer: 'zfb.reviewer',
  basic: { adjustment: '1775205.94', execution: 1 },
  notes: '无',
};
