import { FISCAL_YEAR_STATUS_LABELS } from '../fiscal-years/fiscal-year';
import { REGIME_LABELS } from '../indicators/dictionary';
import { DIFF_FIELDS } from '../indicators/sheet-diff';
import { COLOUR_LABELS } from '../monitoring/colours';
import { COLUMN_LABELS } from '../tables/table-headers';
import { SHEET_STATUS_LABELS } from '../workflow/target-sheet-chain';

/**
 * The audit log (变更记录) as a clerk reads it. Entries are stored as the services wrote them
 * (`row_changed`, `value=30; weight=25`, `closed：…`); these tables and functions turn them into
 * Chinese on read, for the API's list and its export alike, old entries included.
 */

/** Every action any service records, in the order the filter lists them. */
export const AUDIT_ACTION_LABELS = {
  submit: '提交',
  approve: '审核通过',
  return: '退回',
  adjust: '发起调整',
  save: '保存',
  update: '修改',
  import: '导入',
  create: '新建',
  delete: '删除',
  row_added: '新增指标',
  row_changed: '修改指标',
  row_removed: '删除指标',
  override: '调整得分',
  rescore: '重新计分',
  dismiss_flag: '排除疑点',
  adjustment: '据预警发起目标调整',
  budget_cut: '申请调减预算',
  evidence_add: '上传佐证资料',
  evidence_remove: '删除佐证资料',
  open: '开启批次',
  close: '关闭批次',
  reopen: '重新开启批次',
  clear: '解除登录锁定',
  move: '调整上级单位',
  disable: '停用账号',
  enable: '启用账号',
  reset_password: '重置密码',
} as const;
export type AuditAction = keyof typeof AUDIT_ACTION_LABELS;
export const AUDIT_ACTIONS = Object.keys(AUDIT_ACTION_LABELS) as AuditAction[];

export const AUDIT_ENTITY_LABELS: Record<string, string> = {
  target_sheet: '绩效目标表',
  project: '项目',
  department_target: '部门整体绩效目标',
  monitoring_report: '绩效运行监控表',
  budget_cut: '调减预算申请',
  monitoring_round: '监控批次',
  self_evaluation: '项目支出绩效自评表',
  self_evaluation_round: '自评批次',
  department_self_evaluation: '部门整体支出绩效自评表',
  indicator_results: '以前年度自评结果',
  organization: '单位',
  import_layout: '导入版式',
  settings_profile: '参数方案',
  fiscal_year: '预算年度',
  login_lock: '登录锁定',
  user: '用户',
};

const PROJECT_FIELDS: Record<string, string> = {
  overallGoal: '年度总体目标',
  fundsTotal: '年度预算总额',
  fundsCurrentYearAppropriation: '当年财政拨款',
  fundsCarryOver: '上年结转资金',
  fundsOther: '其他资金',
  midTermYear1: '中期规划第一年',
  midTermYear2: '中期规划第二年',
  midTermYear3: '中期规划第三年',
};

const PROFILE_FIELDS: Record<string, string> = {
  name: '方案名称',
  regime: '指标模板',
  requiredLevel1: '必备一级指标',
  indicatorWeightTotal: '指标分值合计',
  budgetWeight: '预算执行率分值',
  suggestedSplit: '各一级指标建议分值',
  reverseRule: '反向指标计分',
  overshootThreshold: '超额完成说明线',
  notApplicableRescale: '不适用指标折算',
  gradeBands: '等级分数线',
  deviationCategories: '偏差原因分类',
  warningRules: '预警规则',
  qualitativeTiers: '定性指标评判等级',
};

const FIELDS: Record<string, string> = { ...PROJECT_FIELDS, status: '状态', content: '内容', layout: '版式', amount: '调减金额' };

const FLAG_LABELS: Record<string, string> = {
  'actuals-equal-targets': '疑点：实际完成值均与指标值相同',
  'full-marks-under-execution': '疑点：满分但预算执行率偏低',
  'same-deviation-note': '疑点：偏差原因与其他项目相同',
  'far-from-forecast': '疑点：与监控预计值相差较大',
  'round-numbers': '疑点：实际完成值均为整十数',
};

const STATUS_WORDS: Record<string, string> = { ...SHEET_STATUS_LABELS, ...FISCAL_YEAR_STATUS_LABELS };
const ROUND_STATUS: Record<string, string> = { open: '开放填报', closed: '已关闭' };
const WORDS: Record<string, string> = { ratio: '比值法', linear: '线性法', true: '是', false: '否', ...REGIME_LABELS };

export interface StoredAuditEntry {
  entity: string;
  action: string;
  field: string | null;
  oldValue: string | null;
  newValue: string | null;
}

export const auditActionLabel = (action: string): string => (AUDIT_ACTION_LABELS as Record<string, string>)[action] ?? action;
export const auditEntityLabel = (entity: string): string => AUDIT_ENTITY_LABELS[entity] ?? entity;

/** `account:张三|10.0.0.1` → 账号 张三（地址 10.0.0.1）. */
function lockKeyText(key: string): string {
  const pair = /^account:(.*)\|(.*)$/.exec(key);
  if (pair) return `账号 ${pair[1]}（地址 ${pair[2]}）`;
  if (key.startsWith('account:')) return `账号 ${key.slice(8)}`;
  if (key.startsWith('address:')) return `地址 ${key.slice(8)}`;
  return key;
}

export function auditFieldLabel(entry: Pick<StoredAuditEntry, 'entity' | 'action' | 'field'>): string | null {
  const { entity, action, field } = entry;
  if (!field) return null;
  if (action === 'dismiss_flag') return FLAG_LABELS[field] ?? field;
  if (entity === 'login_lock') return lockKeyText(field);
  if (entity === 'settings_profile') return PROFILE_FIELDS[field] ?? field;
  return FIELDS[field] ?? field;
}

const ROW_FIELD = new RegExp(`(?:^|; )(${DIFF_FIELDS.join('|')})=`, 'g');

/** `value=30; weight=25` → `指标值 30；分值 25` (a value may itself hold `; `, so only a known field name splits). */
export function rowChangeText(stored: string): string {
  const starts = [...stored.matchAll(ROW_FIELD)];
  if (starts.length === 0 || starts[0].index !== 0) return stored;
  return starts
    .map((m, i) => {
      const value = stored.slice((m.index ?? 0) + m[0].length, starts[i + 1]?.index ?? stored.length);
      return `${COLUMN_LABELS[m[1] as (typeof DIFF_FIELDS)[number]]} ${value || '（空）'}`;
    })
    .join('；');
}

/** A profile parameter as stored (JSON) in words: lists joined, objects as `键 值`. */
function jsonText(stored: string): string {
  let value: unknown;
  try {
    value = JSON.parse(stored);
  } catch {
    return stored;
  }
  const words = (v: unknown): string => {
    if (Array.isArray(v)) return v.map(words).join('、');
    if (v && typeof v === 'object') return Object.entries(v).map(([k, x]) => `${PROFILE_FIELDS[k] ?? WORDS[k] ?? k} ${words(x)}`).join('，');
    return WORDS[String(v)] ?? String(v);
  };
  return words(value);
}

/** One stored old or new value in words; null stays null. */
export function auditValueText(entry: StoredAuditEntry, value: string | null): string | null {
  if (value === null || value === '') return value;
  if (entry.action.startsWith('row_')) return rowChangeText(value);
  if (entry.entity === 'settings_profile' && entry.action === 'update') return jsonText(value);
  if (entry.field === '预警') return COLOUR_LABELS[value as keyof typeof COLOUR_LABELS] ?? value;
  if (entry.field === 'status' || entry.field?.endsWith('状态')) {
    const [word, ...reason] = value.split('：');
    const table = entry.entity === 'monitoring_round' ? ROUND_STATUS : STATUS_WORDS;
    return [table[word] ?? word, ...reason].join('：');
  }
  return value;
}

/** The labels an API answer adds to a stored entry. */
export function describeAuditEntry(entry: StoredAuditEntry): { actionLabel: string; entityLabel: string; fieldLabel: string | null; oldText: string | null; newText: string | null } {
  return {
    actionLabel: auditActionLabel(entry.action),
    entityLabel: auditEntityLabel(entry.entity),
    fieldLabel: auditFieldLabel(entry),
    oldText: auditValueText(entry, entry.oldValue),
    newText: auditValueText(entry, entry.newValue),
  };
}

/** The time zone the clerks work in: dates of a filter are its days, times are shown in it. */
export const AUDIT_TIME_ZONE = 'Asia/Shanghai';

const CLOCK = new Intl.DateTimeFormat('en-CA', { timeZone: AUDIT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' });

/** `2026-03-01T02:05:00Z` → `2026-03-01 10:05:00` (Beijing time). */
export function auditTime(at: string | Date): string {
  const parts = Object.fromEntries(CLOCK.formatToParts(new Date(at)).map((p) => [p.type, p.value]));
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}:${parts['second']}`;
}
