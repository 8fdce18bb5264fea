import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CachedMap, ChangeFeed } from '../../database/change-feed.service';
import { User } from '../../users/user.entity';

/**
 * Sessions live in PostgreSQL, so every API process agrees on which have ended; each process holds
 * the open ones it has seen in memory until PostgreSQL announces that a session or a user changed.
 */
@Injectable()
export class SessionsService {
  private readonly openSessions: CachedMap<string, { user: User; expiresAt: number } | null>;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly feed: ChangeFeed,
  ) {
    this.openSessions = new CachedMap(feed, ['sessions', 'users'], (sessionId) => this.load(sessionId));
  }

  async open(userId: string, hours: number, address: string, userAgent: string): Promise<string> {
    // a sign-in is a good moment to forget sessions long over
    await this.dataSource.query(`DELETE FROM sessions WHERE user_id = $1 AND (expires_at < now() - interval '30 days' OR revoked_at < now() - interval '30 days')`, [userId]);
    const [row] = await this.dataSource.query(
      `INSERT INTO sessions (user_id, expires_at, address, user_agent) VALUES ($1, now() + make_interval(hours => $2), $3, $4) RETURNING id`,
      [userId, hours, address.slice(0, 64), userAgent.slice(0, 200)],
    );
    return row.id as string;
  }

  /** The session's user while the session is open and the user enabled. */
  async userOf(sessionId: string, userId: string): Promise<User | null> {
    const open = await this.openSessions.get(sessionId);
    if (!open || open.user.id !== userId || open.expiresAt <= Date.now()) return null;
    return open.user;
  }

  private async load(sessionId: string): Promise<{ user: User; expiresAt: number } | null> {
    const row = await this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin('sessions', 's', 's.user_id = u.id AND s.id = :sessionId AND s.revoked_at IS NULL AND s.expires_at > now()', { sessionId })
      .addSelect('s.expires_at', 'expires_at')
      .where('NOT u.disabled')
      .getRawAndEntities();
    const user = row.entities[0];
    return user ? { user, expiresAt: new Date(row.raw[0].expires_at).getTime() } : null;
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [sessionId]);
    this.feed.changed('sessions');
  }

  /** Every open session of a user: a password reset, a disabled account. */
  async revokeAllOf(userId: string, db: EntityManager = this.dataSource.manager): Promise<number> {
    const [, count] = await db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()', [userId]);
    this.feed.changed('sessions');
    return Number(count ?? 0);
  }
}
