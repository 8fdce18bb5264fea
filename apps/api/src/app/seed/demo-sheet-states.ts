/**
 * Which demo sheet ends in which state after `npm start`, so every role finds something in its 待办.
 * Each step is done through the real services, as the named demo user.
 */
export type DemoStep =
  | { as: string; action: 'submit' }
  | { as: string; action: 'approve'; grade?: '优' | '良'; comment?: string }
  | { as: string; action: 'return'; comment: string; grade?: '中' | '差'; rowComments?: { row: number; message: string }[] }
  | { as: string; action: 'adjust' };

const submit = (as: string): DemoStep => ({ as, action: 'submit' });
const approve = (as: string, grade: '优' | '良' = '优', comment?: string): DemoStep => ({ as, action: 'approve', grade, ...(comment ? { comment } : {}) });

export const DEMO_SHEET_STEPS: Record<string, DemoStep[]> = {
  // 曲靖市人民政府办公室（本级）
  政府门户网站运营维护专项经费: [submit('zfb.lead')],
  应急管理经费: [submit('zfb.lead'), approve('zfb.reviewer', '优')],
  督办及调研工作经费: [submit('zfb.lead'), approve('zfb.reviewer', '优'), approve('finance')],
  // approved, so the 2026 monitoring round has their reports too
  '《曲靖市人民政府公报》编印费及政府信息公开工作经费': [submit('zfb.lead'), approve('zfb.reviewer', '优'), approve('finance')],
  // with the opinions the printed form carries in its 主管部门 and 财政部门 boxes
  市政府总值班室调度平台运营服务项目经费: [
    submit('zfb.lead'),
    approve('zfb.reviewer', '良', '指标设置较完整，同意报财政审核。'),
    approve('finance', '优', '同意，按此绩效目标安排预算。'),
  ],
  政府办机关专项经费: [submit('zfb.lead'), approve('zfb.reviewer', '优', '目标明确、指标可衡量，同意上报。'), approve('finance', '优', '同意。')],
  遗属生活补助资金: [
    submit('zfb.lead'),
    {
      as: 'zfb.reviewer',
      action: 'return',
      grade: '中',
      comment: '发放及时率目标 90% 偏低，补助资金应按月足额发放，请调整后重新提交。',
      rowComments: [{ row: 6, message: '建议设为 100%' }],
    },
  ],
  政务信息工作经费: [submit('zfb.lead'), approve('zfb.reviewer', '良'), approve('finance'), { as: 'zfb.lead', action: 'adjust' }],
  曲靖市政府网站集约化平台服务项目经费: [
    submit('zfb.lead'),
    approve('zfb.reviewer', '优'),
    { as: 'finance', action: 'return', grade: '中', comment: '缺少成本指标，请补充运维成本控制目标。' },
  ],
  // 曲靖市信访局（本级）
  信访智能系统及政务热线专项经费: [submit('xfj.lead')],
  信访安全保障专项经费: [submit('xfj.lead'), approve('xfj.reviewer', '优')],
  办公用房租赁专项经费: [submit('xfj.lead'), approve('xfj.reviewer', '优'), approve('finance')],
  业务用房租赁专项经费: [
    submit('xfj.lead'),
    { as: 'xfj.reviewer', action: 'return', grade: '中', comment: '“使用年限”应写明租赁期限，减少到京上访情况请量化。' },
  ],
};
