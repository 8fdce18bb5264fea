import { auditFieldLabel, auditTime, auditValueText, describeAuditEntry, rowChangeText, StoredAuditEntry } from './audit-labels';

const entry = (over: Partial<StoredAuditEntry>): StoredAuditEntry => ({ entity: 'target_sheet', action: 'update', field: null, oldValue: null, newValue: null, ...over });

describe('the audit log in words', () => {
  it.each([
    ['value=30; weight=25', '指标值 30；分值 25'],
    ['value=12', '指标值 12'],
    ['content=反映调研数量; 含专题报告; weight=10', '指标内容 反映调研数量; 含专题报告；分值 10'],
    ['unit=; comparator=≥', '度量单位 （空）；指标性质 ≥'],
    ['版本 3', '版本 3'],
  ])('reads the row change %s as %s', (stored, words) => {
    expect(rowChangeText(stored)).toBe(words);
  });

  it.each([
    [entry({ action: 'approve', field: 'status' }), '已提交', '已提交'],
    [entry({ entity: 'monitoring_round', action: 'close', field: 'status' }), 'closed：填报期结束', '已关闭：填报期结束'],
    [entry({ entity: 'monitoring_round', action: 'close', field: 'status' }), 'open', '开放填报'],
    [entry({ entity: 'fiscal_year', field: '2026 年度 状态' }), 'closed', '已关闭'],
    [entry({ entity: 'monitoring_report', action: 'save', field: '预警' }), 'red', '红'],
    [entry({ entity: 'settings_profile', field: 'gradeBands' }), '{"优":"90","良":"80","中":"60"}', '优 90，良 80，中 60'],
    [entry({ entity: 'settings_profile', field: 'reverseRule' }), '"linear"', '线性法'],
    [entry({ entity: 'settings_profile', field: 'requiredLevel1' }), '["产出指标","效益指标"]', '产出指标、效益指标'],
    [entry({ action: 'row_changed' }), 'value=12', '指标值 12'],
  ])('reads a stored value in words (%#)', (e, stored, words) => {
    expect(auditValueText(e, stored)).toBe(words);
  });

  it('names fields in Chinese: project columns, profile parameters, flags and login locks', () => {
    expect(auditFieldLabel(entry({ entity: 'project', field: 'fundsCarryOver' }))).toBe('上年结转资金');
    expect(auditFieldLabel(entry({ entity: 'settings_profile', field: 'budgetWeight' }))).toBe('预算执行率分值');
    expect(auditFieldLabel(entry({ entity: 'self_evaluation', action: 'dismiss_flag', field: 'round-numbers' }))).toBe('疑点：实际完成值均为整十数');
    expect(auditFieldLabel(entry({ entity: 'login_lock', action: 'clear', field: 'account:zfb.lead|10.0.0.1' }))).toBe('账号 zfb.lead（地址 10.0.0.1）');
    expect(auditFieldLabel(entry({ field: '产出指标 › 数量指标 › 调研次数' }))).toBe('产出指标 › 数量指标 › 调研次数');
  });

  it('labels the action and the entity, keeping an unknown one as stored', () => {
    expect(describeAuditEntry(entry({ action: 'row_changed', field: 'x', oldValue: 'weight=10', newValue: 'weight=12' }))).toEqual({ actionLabel: '修改指标', entityLabel: '绩效目标表', fieldLabel: 'x', oldText: '分值 10', newText: '分值 12' });
    expect(describeAuditEntry(entry({ entity: 'thing', action: 'frobnicate' }))).toMatchObject({ actionLabel: 'frobnicate', entityLabel: 'thing' });
  });

  it('shows times in Beijing time', () => {
    expect(auditTime('2026-03-01T17:05:09.123Z')).toBe('2026-03-02 01:05:09');
  });
});
