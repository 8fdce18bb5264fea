import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { AuditEntryDto, AuditFilter, Page } from '@pm/api-contract';
import { firstValueFrom } from 'rxjs';

/** The filters as query parameters, empty ones left out: the list and the export take the same. */
export function auditParams(filter: AuditFilter): HttpParams {
  let params = new HttpParams();
  for (const [key, value] of Object.entries(filter)) if (typeof value === 'string' && value.trim()) params = params.set(key, value.trim());
  return params;
}

@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);

  list(filter: AuditFilter, page: number, pageSize: number): Promise<Page<AuditEntryDto>> {
    const params = auditParams(filter).set('page', page).set('pageSize', pageSize);
    return firstValueFrom(this.http.get<Page<AuditEntryDto>>('/api/audit', { params }));
  }

  exportUrl(filter: AuditFilter): string {
    const query = auditParams(filter).toString();
    return query ? `/api/audit.xlsx?${query}` : '/api/audit.xlsx';
  }
}
