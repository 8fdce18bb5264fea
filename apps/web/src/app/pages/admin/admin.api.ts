import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateOrganizationRequest, CreateUserRequest, FiscalYearDto, LoginLockDto, OrganizationDto, Page, UpdateFiscalYearRequest, UpdateOrganizationRequest, UpdateUserRequest, UserDto, UserListQuery } from '@pm/api-contract';
import { firstValueFrom } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class AdminApi {
  private readonly http = inject(HttpClient);

  createOrganization(body: CreateOrganizationRequest): Promise<OrganizationDto> {
    return firstValueFrom(this.http.post<OrganizationDto>('/api/organizations', body));
  }

  updateOrganization(id: string, body: UpdateOrganizationRequest): Promise<OrganizationDto> {
    return firstValueFrom(this.http.patch<OrganizationDto>(`/api/organizations/${id}`, body));
  }

  deleteOrganization(id: string): Promise<unknown> {
    return firstValueFrom(this.http.delete(`/api/organizations/${id}`));
  }

  users(query: UserListQuery): Promise<Page<UserDto>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && String(value).trim() !== '') params = params.set(key, String(value).trim());
    return firstValueFrom(this.http.get<Page<UserDto>>('/api/users', { params }));
  }

  createUser(body: CreateUserRequest): Promise<UserDto> {
    return firstValueFrom(this.http.post<UserDto>('/api/users', body));
  }

  updateUser(id: string, body: UpdateUserRequest): Promise<UserDto> {
    return firstValueFrom(this.http.patch<UserDto>(`/api/users/${id}`, body));
  }

  setUserDisabled(id: string, disabled: boolean): Promise<UserDto> {
    return firstValueFrom(this.http.post<UserDto>(`/api/users/${id}/${disabled ? 'disable' : 'enable'}`, {}));
  }

  loginLocks(): Promise<LoginLockDto[]> {
    return firstValueFrom(this.http.get<LoginLockDto[]>('/api/login-locks'));
  }

  clearLoginLock(key: string): Promise<unknown> {
    return firstValueFrom(this.http.delete(`/api/login-locks/${encodeURIComponent(key)}`));
  }

  resetPassword(id: string, password: string): Promise<unknown> {
    return firstValueFrom(this.http.post(`/api/users/${id}/reset-password`, { password }));
  }

  createFiscalYear(year: number): Promise<FiscalYearDto> {
    return firstValueFrom(this.http.post<FiscalYearDto>('/api/fiscal-years', { year }));
  }

  updateFiscalYear(year: number, change: UpdateFiscalYearRequest): Promise<FiscalYearDto> {
    return firstValueFrom(this.http.patch<FiscalYearDto>(`/api/fiscal-years/${year}`, change));
  }
}
