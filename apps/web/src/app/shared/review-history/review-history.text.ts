/** Texts of the version history every reviewed document shows. */
export const REVIEW_HISTORY_TEXT = {
  version: (n: number) => `第 ${n} 版`,
  grade: '审核结果',
  /** Finance's approval, the last step of the chain. */
  finalApproval: '批复',
  compare: '与上一版比较',
  empty: '尚无版本记录：提交后开始记录。',
} as const;
