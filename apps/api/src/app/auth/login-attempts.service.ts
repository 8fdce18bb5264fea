import { HttpException, HttpStatus, Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config/app-config';

interface Failures {
  count: number;
  firstAt: number;
}

/**
 * Locks sign-in for an account (and for an address that tries many accounts) after
 * repeated failures. Kept in memory: one API process serves a bureau; a restart clears it.
 */
@Injectable()
export class LoginAttemptsService {
  private readonly failures = new Map<string, Failures>();
  private readonly windowMs: number;
  private readonly perAddressLimit: number;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.windowMs = config.loginLockMinutes * 60_000;
    this.perAddressLimit = config.loginMaxFailures * 10;
  }

  assertAllowed(username: string, address: string): void {
    const now = Date.now();
    if (
      this.count(`user:${username.toLowerCase()}`, now) >= this.config.loginMaxFailures ||
      this.count(`addr:${address}`, now) >= this.perAddressLimit
    ) {
      throw new HttpException(
        { message: `登录失败次数过多，请 ${this.config.loginLockMinutes} 分钟后再试`, errors: [] },
        HttpStatus.TOO_MANY_REQUESTS,
      );
    }
  }

  recordFailure(username: string, address: string): void {
    const now = Date.now();
    for (const key of [`user:${username.toLowerCase()}`, `addr:${address}`]) {
      const current = this.count(key, now) === 0 ? { count: 0, firstAt: now } : (this.failures.get(key) as Failures);
      this.failures.set(key, { count: current.count + 1, firstAt: current.firstAt });
    }
  }

  recordSuccess(username: string): void {
    this.failures.delete(`user:${username.toLowerCase()}`);
  }

  private count(key: string, now: number): number {
    const entry = this.failures.get(key);
    if (!entry) return 0;
    if (now - entry.firstAt > this.windowMs) {
      this.failures.delete(key);
      return 0;
    }
    return entry.count;
  }
}
