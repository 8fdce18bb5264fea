/** 项目分类 as the budget tables print them: code and name. */
export const PROJECT_CATEGORIES = [
  '116 其他人员支出',
  '311 专项业务类',
  '312 民生类',
  '313 事业发展类',
] as const;

/** 项目级次. */
export const PROJECT_LEVELS = ['本级', '对下'] as const;
export type ProjectLevel = (typeof PROJECT_LEVELS)[number];

export const PROJECT_NAME_MAX = 200;
