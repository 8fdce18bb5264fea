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

export interface ResetPasswordRequest {
  password: string;
}
