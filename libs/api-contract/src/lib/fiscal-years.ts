import type { FiscalYearStatus } from '@pm/domain';

export interface FiscalYearDto {
  year: number;
  status: FiscalYearStatus;
  profileId: string | null;
  /** 绩效目标申报截止日期, YYYY-MM-DD. */
  targetDeadline: string | null;
}

export interface CreateFiscalYearRequest {
  year: number;
}

export interface UpdateFiscalYearRequest {
  status?: FiscalYearStatus;
  profileId?: string;
  targetDeadline?: string | null;
}

export interface SettingsProfileDto {
  id: string;
  isDefault: boolean;
  profile: import('@pm/domain').SettingsProfile;
}

/** `POST /api/settings-profiles`, `PUT /api/settings-profiles/:id`. */
export interface SaveSettingsProfileRequest {
  profile: import('@pm/domain').SettingsProfile;
}
