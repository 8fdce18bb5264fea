import pg from 'pg';

/**
 * The organisation tree of a city (fixture, not measured): departments and units added beside the
 * demo ones until there are `departments` 主管部门 and `units` 预算单位, each unit coded as a
 * budget system would code it.
 */
export async function growCity(databaseUrl, departments = 60, units = 400) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const finance = (await client.query(`SELECT id FROM organizations WHERE kind = 'finance' LIMIT 1`)).rows[0].id;
    const count = async (kind) => (await client.query('SELECT count(*)::int AS n FROM organizations WHERE kind = $1', [kind])).rows[0].n;
    const moreDepartments = Math.max(0, departments - (await count('department')));
    await client.query(`INSERT INTO organizations (name, kind, parent_id, code) SELECT '基准部门' || d, 'department', $1, lpad((200 + d)::text, 3, '0') FROM generate_series(1, $2::int) d`, [finance, moreDepartments]);
    const moreUnits = Math.max(0, units - (await count('unit')));
    await client.query(
      `WITH d AS (SELECT id, code, row_number() OVER (ORDER BY name) - 1 AS n, count(*) OVER () AS total FROM organizations WHERE kind = 'department')
       INSERT INTO organizations (name, kind, parent_id, code)
       SELECT '基准单位' || u, 'unit', d.id, coalesce(d.code, '999') || lpad(u::text, 3, '0') FROM generate_series(1, $1::int) u JOIN d ON d.n = u % d.total`,
      [moreUnits],
    );
    return { departments: await count('department'), units: await count('unit') };
  } finally {
    await client.end();
  }
}
