import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { User } from '../../users/user.entity';

/** Sessions live in PostgreSQL, so every API process agrees on which have ended. */
@Injectable()
export class SessionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async open(userId: string, hours: number, address: string, userAgent: string): Promise<string> {
    // a sign-in is a good moment to forget sessions long over
    await this.dataSource.query(`DELETE FROM sessions WHERE user_id = $1 AND (expires_at < now() - interval '30 days' OR revoked_at < now() - interval '30 days')`, [userId]);
    const [row] = await this.dataSource.query(
      `INSERT INTO sessions (user_id, expires_at, address, user_agent) VALUES ($1, now() + make_interval(hours => $2), $3, $4) RETURNING id`,
      [userId, hours, address.slice(0, 64), userAgent.slice(0, 200)],
    );
    return row.id as string;
  }

  /** The session's user while the session is open: one query per request. */
  async userOf(sessionId: string, userId: string): Promise<User | null> {
    return this.dataSource
      .getRepository(User)
      .createQueryBuilder('u')
      .innerJoin('sessions', 's', 's.user_id = u.id AND s.id = :sessionId AND s.revoked_at IS NULL AND s.expires_at > now()', { sessionId })
      .where('u.id = :userId AND NOT u.disabled', { userId })
      .getOne();
  }

  async revoke(sessionId: string): Promise<void> {
    await this.dataSource.query('UPDATE sessions SET revoked_at = now() WHERE id = $1 AND revoked_at IS NULL', [sessionId]);
  }

  /** Every open session of a user: a password reset, a disabled account. */
  async revokeAllOf(userId: string, db: EntityManager = this.dataSource.manager): Promise<number> {
    const [, count] = await db.query('UPDATE sessions SET revoked_at = now() WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now()', [userId]);
    return Number(count ?? 0);
  }
}
