import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { DepartmentTargetImportResult, SelfEvaluationImportResult, TargetTableImportResult } from '@pm/api-contract';
import { firstValueFrom } from 'rxjs';

export interface ImportRequest {
  fiscalYear: number;
  organizationId: string | null;
  dryRun: boolean;
  file: File | null;
  text: string;
}

@Injectable({ providedIn: 'root' })
export class ImportsApi {
  private readonly http = inject(HttpClient);

  /** A past year's 项目支出绩效自评表: stored as results, the source of 上年完成值. */
  selfEvaluations(request: Omit<ImportRequest, 'dryRun' | 'fiscalYear'>): Promise<SelfEvaluationImportResult> {
    const params: Record<string, string> = request.organizationId ? { organizationId: request.organizationId } : {};
    const url = '/api/imports/self-evaluations';
    if (request.file) {
      const form = new FormData();
      form.append('file', request.file, request.file.name);
      return firstValueFrom(this.http.post<SelfEvaluationImportResult>(url, form, { params }));
    }
    return firstValueFrom(this.http.post<SelfEvaluationImportResult>(url, request.text, { params, headers: { 'content-type': 'text/tab-separated-values; charset=utf-8' } }));
  }

  targetTables(request: ImportRequest): Promise<TargetTableImportResult> {
    return this.post<TargetTableImportResult>('/api/imports/target-tables', request);
  }

  /** A 部门（单位）整体绩效目标表 (alone or in a whole disclosure) into the department's draft overall target. */
  departmentTargets(request: ImportRequest): Promise<DepartmentTargetImportResult> {
    return this.post<DepartmentTargetImportResult>('/api/imports/department-targets', request);
  }

  private post<T>(url: string, request: ImportRequest): Promise<T> {
    const params: Record<string, string> = { fiscalYear: String(request.fiscalYear), dryRun: String(request.dryRun) };
    if (request.organizationId) params['organizationId'] = request.organizationId;
    if (request.file) {
      const form = new FormData();
      form.append('file', request.file, request.file.name);
      return firstValueFrom(this.http.post<T>(url, form, { params }));
    }
    return firstValueFrom(this.http.post<T>(url, request.text, { params, headers: { 'content-type': 'text/tab-separated-values; charset=utf-8' } }));
  }
}
