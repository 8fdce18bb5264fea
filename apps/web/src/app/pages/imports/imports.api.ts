import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { DepartmentTargetImportResult, ImportLayoutDto, Page, SaveImportLayoutRequest, SelfEvaluationImportResult, TableGridResult, TargetTableImportResult, UpdateImportLayoutRequest } from '@pm/api-contract';
import { TableLayout } from '@pm/domain';
import { firstValueFrom } from 'rxjs';

export interface ImportRequest {
  fiscalYear: number;
  organizationId: string | null;
  dryRun: boolean;
  file: File | null;
  text: string;
  /** A mapping being tried before it is saved (版式): sent with the table. */
  layout?: TableLayout & { name: string };
  /** The clerk confirmed importing into another unit than the table names (a real import is refused without it). */
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

  /** Each table as read and the header the reader would use: what the clerk maps by hand. */
  tableGrid(request: Pick<ImportRequest, 'organizationId' | 'file' | 'text'>): Promise<TableGridResult> {
    const params: Record<string, string> = request.organizationId ? { organizationId: request.organizationId } : {};
    return firstValueFrom(this.http.post<TableGridResult>('/api/imports/table-grid', this.form(request), { params }));
  }

  layouts(): Promise<Page<ImportLayoutDto>> {
    return firstValueFrom(this.http.get<Page<ImportLayoutDto>>('/api/import-layouts', { params: { pageSize: '100' } }));
  }

  saveLayout(body: SaveImportLayoutRequest): Promise<ImportLayoutDto> {
    return firstValueFrom(this.http.post<ImportLayoutDto>('/api/import-layouts', body));
  }

  updateLayout(id: string, body: UpdateImportLayoutRequest): Promise<ImportLayoutDto> {
    return firstValueFrom(this.http.put<ImportLayoutDto>(`/api/import-layouts/${id}`, body));
  }

  deleteLayout(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/import-layouts/${id}`));
  }

  /** A 部门（单位）整体绩效目标表 (alone or in a whole disclosure) into the department's draft overall target. */
  departmentTargets(request: ImportRequest): Promise<DepartmentTargetImportResult> {
    return this.post<DepartmentTargetImportResult>('/api/imports/department-targets', request);
  }

  private post<T>(url: string, request: ImportRequest): Promise<T> {
    const params: Record<string, string> = { fiscalYear: String(request.fiscalYear), dryRun: String(request.dryRun) };
    if (request.organizationId) params['organizationId'] = request.organizationId;
    return firstValueFrom(this.http.post<T>(url, this.form(request), { params, ...(request.file || request.layout ? {} : { headers: { 'content-type': 'text/tab-separated-values; charset=utf-8' } }) }));
  }

  /** The upload as a form (a pasted table goes as a .tsv file when a layout goes with it), or the pasted text alone. */
  private form(request: Pick<ImportRequest, 'file' | 'text' | 'layout'>): FormData | string {
    if (!request.file && !request.layout) return request.text;
    const form = new FormData();
    if (request.layout) form.append('layout', JSON.stringify(request.layout));
    if (request.file) form.append('file', request.file, request.file.name);
    else form.append('file', new Blob([request.text], { type: 'text/tab-separated-values' }), '粘贴的表格.tsv');
    return form;
  }
}
