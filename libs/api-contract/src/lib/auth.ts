import type { Action, Role } from '@pm/domain';

export interface LoginRequest {
  username: string;
  password: string;
}

export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
}

export interface LoginResponse {
  accessToken: string;
  user: SessionUser;
}

/** GET /api/me: the session user with what the UI needs to render the shell. */
export interface MeResponse extends SessionUser {
  organizationName: string;
  permissions: Action[];
}

/** A sign-in lock an admin can see and clear: an account from one address, or an address. */
export interface LoginLockDto {
  key: string;
  /** null when the whole address is locked */
  username: string | null;
  address: string;
  failures: number;
  lastFailureAt: string;
  lockedUntil: string;
}
