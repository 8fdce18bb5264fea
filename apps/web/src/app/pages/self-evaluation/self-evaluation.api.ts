import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import {
  DocumentVersionDto,
  EvidenceFileDto,
  OpenSelfEvaluationRoundRequest,
  OverrideRequest,
  Page,
  ReviewRequest,
  SaveSelfEvaluationRequest,
  SelfEvaluationDto,
  SelfEvaluationListItem,
  SelfEvaluationRoundDto,
  SelfEvaluationWorkbookImportResult,
} from '@pm/api-contract';
import { Grade, SheetStatus } from '@pm/domain';
import { firstValueFrom } from 'rxjs';

export type EvaluationTransition = 'submit' | 'approve' | 'return';

export interface EvaluationFilter {
  fiscalYear: number;
  status: SheetStatus | null;
  grade: Grade | null;
  flagged: boolean;
  page: number;
  pageSize: number;
}

const at = (id: string) => `/api/self-evaluations/${encodeURIComponent(id)}`;

/** The 绩效自评 routes of SPEC §12. */
@Injectable({ providedIn: 'root' })
export class SelfEvaluationApi {
  private readonly http = inject(HttpClient);

  rounds(fiscalYear: number): Promise<Page<SelfEvaluationRoundDto>> {
    return firstValueFrom(this.http.get<Page<SelfEvaluationRoundDto>>('/api/self-evaluation-rounds', { params: { fiscalYear } }));
  }

  openRound(body: OpenSelfEvaluationRoundRequest): Promise<SelfEvaluationRoundDto> {
    return firstValueFrom(this.http.post<SelfEvaluationRoundDto>('/api/self-evaluation-rounds', body));
  }

  list(filter: EvaluationFilter): Promise<Page<SelfEvaluationListItem>> {
    const params: Record<string, string | number> = { fiscalYear: filter.fiscalYear, page: filter.page, pageSize: filter.pageSize };
    if (filter.status) params['status'] = filter.status;
    if (filter.grade) params['grade'] = filter.grade;
    if (filter.flagged) params['flagged'] = 'true';
    return firstValueFrom(this.http.get<Page<SelfEvaluationListItem>>('/api/self-evaluations', { params }));
  }

  read(id: string): Promise<SelfEvaluationDto> {
    return firstValueFrom(this.http.get<SelfEvaluationDto>(at(id)));
  }

  save(id: string, body: SaveSelfEvaluationRequest): Promise<SelfEvaluationDto> {
    return firstValueFrom(this.http.put<SelfEvaluationDto>(at(id), body));
  }

  transition(id: string, name: EvaluationTransition, body: ReviewRequest): Promise<SelfEvaluationDto> {
    return firstValueFrom(this.http.post<SelfEvaluationDto>(`${at(id)}/${name}`, body));
  }

  override(id: string, body: OverrideRequest): Promise<SelfEvaluationDto> {
    return firstValueFrom(this.http.post<SelfEvaluationDto>(`${at(id)}/overrides`, body));
  }

  dismissFlag(id: string, code: string, reason: string): Promise<SelfEvaluationDto> {
    return firstValueFrom(this.http.post<SelfEvaluationDto>(`${at(id)}/flags/${encodeURIComponent(code)}/dismiss`, { reason }));
  }

  versions(id: string): Promise<DocumentVersionDto[]> {
    return firstValueFrom(this.http.get<DocumentVersionDto[]>(`${at(id)}/versions`));
  }

  attach(id: string, file: File, indicatorId: string | null): Promise<EvidenceFileDto> {
    const form = new FormData();
    if (indicatorId) form.append('indicatorId', indicatorId);
    form.append('file', file, file.name);
    return firstValueFrom(this.http.post<EvidenceFileDto>(`${at(id)}/evidence`, form));
  }

  removeEvidence(fileId: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/evidence/${encodeURIComponent(fileId)}`));
  }

  /** A 自评表 filled in Excel back in: a dry run previews, the real run saves (all or nothing). */
  importWorkbook(id: string, file: File, dryRun: boolean): Promise<SelfEvaluationWorkbookImportResult> {
    const form = new FormData();
    form.append('file', file, file.name);
    return firstValueFrom(this.http.post<SelfEvaluationWorkbookImportResult>(`${at(id)}/import`, form, { params: { dryRun: String(dryRun) } }));
  }

  /** The 项目支出绩效自评表 in the official layout. */
  exportUrl(id: string): string {
    return `${at(id)}.xlsx`;
  }
}
