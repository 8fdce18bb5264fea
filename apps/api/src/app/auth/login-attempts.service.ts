import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { LoginLockDto } from '@pm/api-contract';
import { setTimeout as sleep } from 'node:timers/promises';
import { DataSource } from 'typeorm';
import { APP_CONFIG, AppConfig } from '../config/app-config';

/** The three counters a failed sign-in adds to. */
function keysOf(username: string, address: string) {
  const account = username.trim().toLowerCase();
  return { pair: `account:${account}|${address}`, address: `address:${address}`, account: `account:${account}` };
}

/** The slow-down for an account failing from many addresses: 0.5 s, 1 s, 2 s, at most 4 s — never a lock. */
export function slowDownMs(accountFailures: number, limit: number): number {
  const excess = accountFailures - limit;
  return excess < 0 ? 0 : Math.min(500 * 2 ** excess, 4000);
}

/**
 * Throttles sign-in without handing anyone a way to lock an owner out: an account is locked only
 * for the address that failed with it (and an address that tries many accounts is locked), while
 * an account failing from many addresses is slowed down. Counters are rows in PostgreSQL, so a
 * restart keeps them and several API processes share them; an admin sees and clears locks.
 */
@Injectable()
export class LoginAttemptsService {
  private readonly perAddressLimit: number;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {
    this.perAddressLimit = config.loginMaxFailures * 10;
  }

  private get window(): string {
    return `${this.config.loginLockMinutes} minutes`;
  }

  async admit(username: string, address: string): Promise<void> {
    const keys = keysOf(username, address);
    const rows: { key: string; count: number; minutes: number }[] = await this.dataSource.query(
      `SELECT key, count, ceil(extract(epoch FROM first_at + $2::interval - now()) / 60)::int AS minutes
         FROM login_failures WHERE key = ANY($1) AND first_at > now() - $2::interval`,
      [[keys.pair, keys.address, keys.account], this.window],
    );
    const of = (key: string) => rows.find((r) => r.key === key);
    const locked = [of(keys.pair), of(keys.address)].find((r, i) => r && r.count >= (i === 0 ? this.config.loginMaxFailures : this.perAddressLimit));
    if (locked) {
      throw new HttpException({ message: `登录失败次数过多，请 ${Math.max(1, locked.minutes)} 分钟后再试，或联系管理员解除`, errors: [] }, HttpStatus.TOO_MANY_REQUESTS);
    }
    const wait = slowDownMs(of(keys.account)?.count ?? 0, this.config.loginMaxFailures);
    if (wait > 0) await sleep(wait);
  }

  async recordFailure(username: string, address: string): Promise<void> {
    const keys = keysOf(username, address);
    await this.dataSource.query(
      `INSERT INTO login_failures (key, count, first_at, last_at) SELECT k, 1, now(), now() FROM unnest($1::varchar[]) AS k
       ON CONFLICT (key) DO UPDATE SET
         count = CASE WHEN login_failures.first_at <= now() - $2::interval THEN 1 ELSE login_failures.count + 1 END,
         first_at = CASE WHEN login_failures.first_at <= now() - $2::interval THEN now() ELSE login_failures.first_at END,
         last_at = now()`,
      [[keys.pair, keys.address, keys.account].map((k) => k.slice(0, 300)), this.window],
    );
  }

  async recordSuccess(username: string, address: string): Promise<void> {
    await this.dataSource.query('DELETE FROM login_failures WHERE key = $1', [keysOf(username, address).pair]);
  }

  /** What is locked now: an account from one address, or an address. */
  async locks(): Promise<LoginLockDto[]> {
    const rows: { key: string; count: number; last_at: Date; until: Date }[] = await this.dataSource.query(
      `SELECT key, count, last_at, first_at + $1::interval AS until FROM login_failures
        WHERE first_at > now() - $1::interval AND ((key LIKE 'account:%|%' AND count >= $2) OR (key LIKE 'address:%' AND count >= $3))
        ORDER BY last_at DESC LIMIT 500`,
      [this.window, this.config.loginMaxFailures, this.perAddressLimit],
    );
    return rows.map((r) => {
      const [kind, rest] = [r.key.slice(0, r.key.indexOf(':')), r.key.slice(r.key.indexOf(':') + 1)];
      const [username, address] = kind === 'account' ? [rest.slice(0, rest.lastIndexOf('|')), rest.slice(rest.lastIndexOf('|') + 1)] : [null, rest];
      return { key: r.key, username, address, failures: r.count, lastFailureAt: new Date(r.last_at).toISOString(), lockedUntil: new Date(r.until).toISOString() };
    });
  }

  /** Clears a lock; an account's lock goes with its slow-down. */
  async clear(key: string): Promise<boolean> {
    const account = key.startsWith('account:') && key.includes('|') ? key.slice(0, key.lastIndexOf('|')) : null;
    const [, count] = await this.dataSource.query('DELETE FROM login_failures WHERE key = ANY($1)', [[key, ...(account ? [account] : [])]]);
    return Number(count) > 0;
  }
}
