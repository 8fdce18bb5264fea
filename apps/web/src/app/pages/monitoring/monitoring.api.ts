import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { BudgetCutDto, DocumentVersionDto, EvidenceFileDto, MonitoringReportDto, MonitoringReportListItem, MonitoringRoundDto, MonitoringTrendItem, OpenMonitoringRoundRequest, Page, ReviewRequest, RoundDashboardDto, SaveMonitoringReportRequest } from '@pm/api-contract';
import { firstValueFrom } from 'rxjs';

export type ReportTransition = 'submit' | 'approve' | 'return';

@Injectable({ providedIn: 'root' })
export class MonitoringApi {
  private readonly http = inject(HttpClient);

  rounds(fiscalYear: number): Promise<Page<MonitoringRoundDto>> {
    return firstValueFrom(this.http.get<Page<MonitoringRoundDto>>('/api/monitoring-rounds', { params: { fiscalYear } }));
  }

  round(id: string): Promise<MonitoringRoundDto> {
    return firstValueFrom(this.http.get<MonitoringRoundDto>(`/api/monitoring-rounds/${encodeURIComponent(id)}`));
  }

  open(body: OpenMonitoringRoundRequest): Promise<MonitoringRoundDto> {
    return firstValueFrom(this.http.post<MonitoringRoundDto>('/api/monitoring-rounds', body));
  }

  setStatus(id: string, status: 'close' | 'reopen', reason: string): Promise<MonitoringRoundDto> {
    return firstValueFrom(this.http.post<MonitoringRoundDto>(`/api/monitoring-rounds/${encodeURIComponent(id)}/${status}`, { reason }));
  }

  dashboard(id: string): Promise<RoundDashboardDto> {
    return firstValueFrom(this.http.get<RoundDashboardDto>(`/api/monitoring-rounds/${encodeURIComponent(id)}/dashboard`));
  }

  reports(id: string, filter: { colour?: string | null; status?: string | null; page: number; pageSize: number }): Promise<Page<MonitoringReportListItem>> {
    const params: Record<string, string | number> = { page: filter.page, pageSize: filter.pageSize };
    if (filter.colour) params['colour'] = filter.colour;
    if (filter.status) params['status'] = filter.status;
    return firstValueFrom(this.http.get<Page<MonitoringReportListItem>>(`/api/monitoring-rounds/${encodeURIComponent(id)}/reports`, { params }));
  }

  report(id: string): Promise<MonitoringReportDto> {
    return firstValueFrom(this.http.get<MonitoringReportDto>(`/api/monitoring-reports/${encodeURIComponent(id)}`));
  }

  save(id: string, body: SaveMonitoringReportRequest): Promise<MonitoringReportDto> {
    return firstValueFrom(this.http.put<MonitoringReportDto>(`/api/monitoring-reports/${encodeURIComponent(id)}`, body));
  }

  transition(id: string, name: ReportTransition, body: ReviewRequest): Promise<MonitoringReportDto> {
    return firstValueFrom(this.http.post<MonitoringReportDto>(`/api/monitoring-reports/${encodeURIComponent(id)}/${name}`, body));
  }

  versions(id: string): Promise<DocumentVersionDto[]> {
    return firstValueFrom(this.http.get<DocumentVersionDto[]>(`/api/monitoring-reports/${encodeURIComponent(id)}/versions`));
  }

  trend(projectId: string): Promise<Page<MonitoringTrendItem>> {
    return firstValueFrom(this.http.get<Page<MonitoringTrendItem>>('/api/monitoring-reports', { params: { projectId } }));
  }

  startAdjustment(id: string): Promise<MonitoringReportDto> {
    return firstValueFrom(this.http.post<MonitoringReportDto>(`/api/monitoring-reports/${encodeURIComponent(id)}/adjustment`, {}));
  }

  requestBudgetCut(id: string, amount: string, reason: string): Promise<MonitoringReportDto> {
    return firstValueFrom(this.http.post<MonitoringReportDto>(`/api/monitoring-reports/${encodeURIComponent(id)}/budget-cut`, { amount, reason }));
  }

  decideBudgetCut(id: string, name: 'approve' | 'return', comment: string): Promise<BudgetCutDto> {
    return firstValueFrom(this.http.post<BudgetCutDto>(`/api/budget-cuts/${encodeURIComponent(id)}/${name}`, { comment }));
  }

  attach(id: string, file: File, indicatorId: string | null): Promise<EvidenceFileDto> {
    const form = new FormData();
    if (indicatorId) form.append('indicatorId', indicatorId);
    form.append('file', file, file.name);
    return firstValueFrom(this.http.post<EvidenceFileDto>(`/api/monitoring-reports/${encodeURIComponent(id)}/evidence`, form));
  }

  removeEvidence(fileId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/evidence/${encodeURIComponent(fileId)}`));
  }
}
