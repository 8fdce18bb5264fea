import type { Role } from '@pm/domain';

export interface UserDto {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  organizationId: string;
  organizationName: string;
  disabled: boolean;
  lastLoginAt: string | null;
}

export interface CreateUserRequest {
  username: string;
  password: string;
  displayName: string;
  role: Role;
  organizationId: string;
}

export interface UpdateUserRequest {
  displayName?: string;
  role?: Role;
  organizationId?: string;
  disabled?: boolean;
}

/** `GET /api/users`: `q` searches 用户名, 姓名 and 单位; `role` and `organizationId` filter exactly. */
export interface UserListQuery {
  q?: string;
  role?: Role;
  organizationId?: string;
  page?: number;
  pageSize?: number;
}

export interface ResetPasswordRequest {
  password: string;
}
