/** The signature and opinion block that ends the official forms. */
export const SIGN_OFF_TEXT = {
  head: '单位负责人',
  filler: '填报人',
  phone: '联系电话',
  date: '填报日期',
  department: '主管部门审核意见',
  finance: '财政部门审核意见',
  seal: '（盖章）',
  blankDate: '年　　月　　日',
} as const;
