/**
 * The 2026 monitoring round of the demo (截至 2026-07-31, m = 7): one report per approved demo sheet,
 * filed to a colour and walked to a state, so every role finds monitoring work in its 待办 and the
 * dashboard shows every colour. `pace` is the share of time progress each quantity has reached
 * (1 on track, 0.7 lagging, 0.3 off track, 1.3 ahead); `budgetPace` the same for the money.
 */
export interface DemoReport {
  project: string;
  lead: string;
  pace: number;
  /** The row (0-based) that lags more than the others, with the lead's explanation. */
  lagging?: { row: number; pace: number; likelihood: '有可能' | '完全不可能'; reasons: string[]; note: string; measures: string };
  budgetPace: number;
  goalProgress: string;
  steps: ('file' | 'submit' | 'department' | 'finance' | 'return' | 'adjust' | 'budget-cut')[];
}

export const DEMO_ROUND = { fiscalYear: 2026, cutoffDate: '2026-07-31', deadline: '2026-08-15' };

export const DEMO_REPORTS: DemoReport[] = [
  {
    project: '督办及调研工作经费',
    lead: 'zfb.lead',
    pace: 1,
    lagging: { row: 0, pace: 0.3, likelihood: '有可能', reasons: ['人员保障'], note: '上半年督查人员抽调参与专项整治，实地督查次数偏少', measures: '8 月起恢复每月实地督查，第三季度集中开展专题调研' },
    budgetPace: 0.5,
    goalProgress: '截至 7 月底，完成政府工作报告重点任务督查 2 轮，形成调研报告 3 篇；实地督查次数滞后。',
    steps: ['file', 'submit', 'department', 'adjust', 'budget-cut'],
  },
  {
    project: '政务信息工作经费',
    lead: 'zfb.lead',
    pace: 1,
    lagging: { row: 1, pace: 0.7, likelihood: '有可能', reasons: ['其他'], note: '信息报送系统升级，6 月暂停报送两周', measures: '系统上线后补报' },
    budgetPace: 0.75,
    goalProgress: '政务信息报送总体正常，6 月受系统升级影响略有滞后。',
    steps: ['file'],
  },
  {
    project: '市政府总值班室调度平台运营服务项目经费',
    lead: 'zfb.lead',
    pace: 1,
    budgetPace: 0.95,
    goalProgress: '调度平台运行稳定，7×24 小时值守无中断。',
    steps: ['file', 'submit'],
  },
  {
    project: '政府办机关专项经费',
    lead: 'zfb.lead',
    pace: 1.3,
    budgetPace: 1,
    goalProgress: '办公设备购置已于上半年全部完成。',
    steps: ['file', 'submit', 'return'],
  },
  {
    project: '《曲靖市人民政府公报》编印费及政府信息公开工作经费',
    lead: 'zfb.lead',
    pace: 1,
    budgetPace: 0.9,
    goalProgress: '公报按期编印发行，政府信息公开工作有序推进。',
    steps: ['file', 'submit', 'department', 'finance'],
  },
  // 办公用房租赁专项经费 (信访局) stays unfilled: its lead finds it in 待办 as 待填报
];
