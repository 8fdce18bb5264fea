import { EntityManager } from 'typeorm';

/**
 * Everything that names an organisation, as the clerk calls it: an organisation is deleted only
 * when none of these holds a row for it. A table added later and missing here still cannot lose
 * rows: its foreign key refuses the delete, which is answered as a 409 too.
 */
const CONTENTS: { table: string; column: string; label: string; measure: string }[] = [
  { table: 'organizations', column: 'parent_id', label: '下级单位', measure: '个' },
  { table: 'users', column: 'organization_id', label: '用户', measure: '个' },
  { table: 'projects', column: 'unit_id', label: '项目', measure: '个' },
  { table: 'department_targets', column: 'department_id', label: '部门整体绩效目标', measure: '份' },
  { table: 'department_self_evaluations', column: 'department_id', label: '部门整体自评', measure: '份' },
  { table: 'monitoring_reports', column: 'unit_id', label: '绩效监控表', measure: '份' },
  { table: 'budget_cuts', column: 'unit_id', label: '调减预算申请', measure: '份' },
  { table: 'self_evaluations', column: 'unit_id', label: '绩效自评表', measure: '份' },
  { table: 'indicator_results', column: 'unit_id', label: '历年自评结果', measure: '条' },
  { table: 'indicator_library', column: 'organization_id', label: '个性指标', measure: '条' },
  { table: 'evidence_files', column: 'organization_id', label: '佐证材料', measure: '份' },
  { table: 'import_layouts', column: 'organization_id', label: '导入版式', measure: '个' },
  { table: 'audit_log', column: 'organization_id', label: '变更记录', measure: '条' },
];

export interface OrganizationContent {
  field: string;
  label: string;
  count: number;
  measure: string;
}

/** What still names the organisation, counted in one statement (each count stops at 1000). */
export async function contentsOf(db: EntityManager, organizationId: string): Promise<OrganizationContent[]> {
  const counts = CONTENTS.map((c) => `(SELECT count(*) FROM (SELECT 1 FROM ${c.table} WHERE ${c.column} = $1 LIMIT 1000) t)::int`);
  const [row] = await db.query(`SELECT ARRAY[${counts.join(', ')}] AS counts`, [organizationId]);
  const found = row.counts as number[];
  return CONTENTS.map((c, i) => ({ field: c.table, label: c.label, count: found[i], measure: c.measure })).filter((c) => c.count > 0);
}

/** 「2 个下级单位、3 个用户」 */
export function describeContents(contents: OrganizationContent[]): string {
  return contents.map((c) => `${c.count >= 1000 ? '1000 多' : `${c.count} `}${c.measure}${c.label}`).join('、');
}
