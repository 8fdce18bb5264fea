import pg from 'pg';

const TAG = /^\/\* prepare:([\w-]+) \*\//;
const names = new Map<string, string>();

/** The statement name for a tagged text: the tag and a counter, one per distinct text (a name may only ever mean one text). */
function nameOf(text: string, tag: string): string {
  let name = names.get(text);
  if (!name) {
    name = `${tag}-${names.size + 1}`;
    names.set(text, name);
  }
  return name;
}

/**
 * node-postgres with one addition: a statement whose SQL begins with the comment
 * `/* prepare:<tag> *\/` (TypeORM's `.comment('prepare:<tag>')`) is prepared once per connection
 * and then only executed, so PostgreSQL plans the hottest reads once instead of on every request.
 * Only for a few fixed-shape statements: each distinct text holds a plan on every connection.
 */
class PreparingClient extends pg.Client {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  override query(config: any, values?: any, callback?: any): any {
    if (typeof config === 'string') {
      const tagged = TAG.exec(config);
      if (tagged) return super.query({ name: nameOf(config, tagged[1]), text: config, values: Array.isArray(values) ? values : undefined }, typeof values === 'function' ? values : callback);
    }
    return super.query(config, values, callback);
  }
}

class PreparingPool extends pg.Pool {
  constructor(options: pg.PoolConfig = {}) {
    super({ ...options, Client: PreparingClient } as pg.PoolConfig);
  }
}

/** The driver TypeORM is given (its `driver` option): pg itself, with the preparing client. */
export const preparingPg = { ...pg, Client: PreparingClient, Pool: PreparingPool };
