import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { Page, SelfEvaluationListItem, SelfEvaluationRoundDto, SelfEvaluationSummaryDto, SettingsProfileDto } from '@pm/api-contract';
import { Grade } from '@pm/domain';
import { firstValueFrom } from 'rxjs';

/** What the results dashboard reads: the summary, the round, the list to drill into, the year's grade bands. */
@Injectable({ providedIn: 'root' })
export class ResultsApi {
  private readonly http = inject(HttpClient);

  summary(fiscalYear: number): Promise<SelfEvaluationSummaryDto> {
    return firstValueFrom(this.http.get<SelfEvaluationSummaryDto>('/api/self-evaluations/summary', { params: { fiscalYear } }));
  }

  rounds(fiscalYear: number): Promise<Page<SelfEvaluationRoundDto>> {
    return firstValueFrom(this.http.get<Page<SelfEvaluationRoundDto>>('/api/self-evaluation-rounds', { params: { fiscalYear } }));
  }

  evaluations(filter: { fiscalYear: number; departmentId: string | null; grade: Grade | null; unfiled: boolean; flagged: boolean; page: number; pageSize: number }): Promise<Page<SelfEvaluationListItem>> {
    const params: Record<string, string | number> = { fiscalYear: filter.fiscalYear, page: filter.page, pageSize: filter.pageSize };
    if (filter.departmentId) params['departmentId'] = filter.departmentId;
    if (filter.grade) params['grade'] = filter.grade;
    if (filter.unfiled) params['unfiled'] = 'true';
    if (filter.flagged) params['flagged'] = 'true';
    return firstValueFrom(this.http.get<Page<SelfEvaluationListItem>>('/api/self-evaluations', { params }));
  }

  profiles(): Promise<SettingsProfileDto[]> {
    return firstValueFrom(this.http.get<SettingsProfileDto[]>('/api/settings-profiles'));
  }
}
