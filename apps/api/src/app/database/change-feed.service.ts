import { Inject, Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { Client } from 'pg';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** The tables whose changes PostgreSQL announces on the `pm_changes` channel (triggers of migration ChangeNotifications). */
export type WatchedTable = 'organizations' | 'users' | 'sessions' | 'settings_profiles' | 'fiscal_years';

/**
 * What this process keeps in memory (the organisation tree, open sessions, settings) is only as
 * good as PostgreSQL's word that it has not changed: every write to a watched table, from any API
 * process or a psql session, is announced by a trigger at commit, and each process listens on one
 * connection of its own. While that connection is down nothing is trusted: caches load every time.
 */
@Injectable()
export class ChangeFeed implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger('ChangeFeed');
  private readonly listeners = new Set<(table: WatchedTable | '*') => void>();
  private client: Client | null = null;
  private listening = false;
  private stopped = false;
  private retry: NodeJS.Timeout | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    await this.connect();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.retry) clearTimeout(this.retry);
    await this.client?.end().catch(() => undefined);
  }

  /** True while announcements arrive: a cache may serve what it holds. */
  get live(): boolean {
    return this.listening;
  }

  /** Calls `listener` with the table that changed ('*': anything may have, e.g. after a reconnect). */
  subscribe(listener: (table: WatchedTable | '*') => void): void {
    this.listeners.add(listener);
  }

  /** Said by this process right after its own write committed, so its next request does not wait for the announcement. */
  changed(table: WatchedTable): void {
    this.emit(table);
  }

  private emit(table: WatchedTable | '*'): void {
    for (const listener of this.listeners) listener(table);
  }

  private async connect(): Promise<void> {
    const client = new Client({ connectionString: this.config.databaseUrl, application_name: 'pm-change-feed' });
    this.client = client;
    client.on('notification', (message) => this.emit((message.payload as WatchedTable) ?? '*'));
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client));
    try {
      await client.connect();
      await client.query('LISTEN pm_changes');
      this.listening = true;
      this.emit('*');
    } catch (error) {
      this.lost(client, error);
    }
  }

  private lost(client: Client, error?: unknown): void {
    if (this.client !== client) return;
    this.client = null;
    this.listening = false;
    this.emit('*');
    if (this.stopped) return;
    if (error) this.logger.warn({ msg: 'change feed lost; caches bypassed until it is back', error: String(error) });
    void client.end().catch(() => undefined);
    this.retry = setTimeout(() => void this.connect(), 1000);
    this.retry.unref();
  }
}

/**
 * Values derived from watched tables (a session's user, a year's profile), loaded on first use,
 * bounded in number and forgotten as a whole when any of the tables changes. A load that was
 * overtaken by a change is served but not kept, so nothing older than the last announcement is
 * ever cached.
 */
export class CachedMap<K, V> {
  private readonly values = new Map<K, Promise<V>>();
  private generation = 0;

  constructor(
    private readonly feed: ChangeFeed,
    tables: WatchedTable[],
    private readonly load: (key: K) => Promise<V>,
    private readonly limit = 10_000,
  ) {
    feed.subscribe((table) => {
      if (table === '*' || tables.includes(table)) this.forget();
    });
  }

  get(key: K): Promise<V> {
    if (!this.feed.live) return this.load(key);
    const held = this.values.get(key);
    if (held) return held;
    const generation = this.generation;
    const loading = this.load(key);
    if (this.values.size >= this.limit) this.values.delete(this.values.keys().next().value as K);
    this.values.set(key, loading);
    loading.then(
      () => {
        if (this.generation !== generation && this.values.get(key) === loading) this.values.delete(key);
      },
      () => {
        if (this.values.get(key) === loading) this.values.delete(key);
      },
    );
    return loading;
  }

  forget(): void {
    this.generation++;
    this.values.clear();
  }
}

/**
 * One value derived from watched tables (the organisation tree, …): a CachedMap of one entry.
 */
export class Cached<T> {
  private readonly held: CachedMap<'value', T>;

  constructor(feed: ChangeFeed, tables: WatchedTable[], load: () => Promise<T>) {
    this.held = new CachedMap(feed, tables, () => load(), 1);
  }

  get(): Promise<T> {
    return this.held.get('value');
  }
}
