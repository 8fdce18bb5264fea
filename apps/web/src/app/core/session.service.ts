import { HttpClient } from '@angular/common/http';
import { computed, inject, Injectable, signal } from '@angular/core';
import { LoginResponse, MeResponse } from '@pm/api-contract';
import { Action, ROLE_LABELS } from '@pm/domain';
import { firstValueFrom } from 'rxjs';

/**
 * The signed-in user. The session itself is the httpOnly cookie the API sets;
 * the browser never stores the token.
 */
@Injectable({ providedIn: 'root' })
export class SessionService {
  private readonly http = inject(HttpClient);
  readonly me = signal<MeResponse | null>(null);
  readonly roleLabel = computed(() => {
    const me = this.me();
    return me ? ROLE_LABELS[me.role] : '';
  });
  private loaded = false;

  /** Loads the user once; false when nobody is signed in. */
  async ensureLoaded(): Promise<boolean> {
    if (!this.loaded) {
      try {
        this.me.set(await firstValueFrom(this.http.get<MeResponse>('/api/me')));
      } catch {
        this.me.set(null);
      }
      this.loaded = true;
    }
    return this.me() !== null;
  }

  async login(username: string, password: string): Promise<void> {
    await firstValueFrom(this.http.post<LoginResponse>('/api/auth/login', { username, password }));
    this.loaded = false;
    await this.ensureLoaded();
  }

  async logout(): Promise<void> {
    await firstValueFrom(this.http.post('/api/auth/logout', {})).catch(() => undefined);
    this.forget();
  }

  /** Called when the API says the session is gone. */
  forget(): void {
    this.me.set(null);
    this.loaded = true;
  }

  can(action: Action): boolean {
    return this.me()?.permissions.includes(action) ?? false;
  }
}
