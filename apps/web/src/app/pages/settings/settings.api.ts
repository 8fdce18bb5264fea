import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { FiscalYearDto, RescoreResponse, SettingsProfileDto, WhatIfResponse } from '@pm/api-contract';
import { SettingsProfile } from '@pm/domain';
import { firstValueFrom } from 'rxjs';

const at = (id: string) => `/api/settings-profiles/${encodeURIComponent(id)}`;

/** The settings routes of SPEC §12: profiles, a year's profile, what-if and the rescore of drafts. */
@Injectable({ providedIn: 'root' })
export class SettingsApi {
  private readonly http = inject(HttpClient);

  profiles(): Promise<SettingsProfileDto[]> {
    return firstValueFrom(this.http.get<SettingsProfileDto[]>('/api/settings-profiles'));
  }

  create(profile: SettingsProfile): Promise<SettingsProfileDto> {
    return firstValueFrom(this.http.post<SettingsProfileDto>('/api/settings-profiles', { profile }));
  }

  update(id: string, profile: SettingsProfile): Promise<SettingsProfileDto> {
    return firstValueFrom(this.http.put<SettingsProfileDto>(at(id), { profile }));
  }

  chooseProfile(year: number, profileId: string): Promise<FiscalYearDto> {
    return firstValueFrom(this.http.patch<FiscalYearDto>(`/api/fiscal-years/${year}`, { profileId }));
  }

  whatIf(id: string, fiscalYear: number): Promise<WhatIfResponse> {
    return firstValueFrom(this.http.post<WhatIfResponse>(`${at(id)}/what-if`, { fiscalYear }));
  }

  rescore(id: string, fiscalYear: number): Promise<RescoreResponse> {
    return firstValueFrom(this.http.post<RescoreResponse>(`${at(id)}/rescore`, { fiscalYear }));
  }
}
