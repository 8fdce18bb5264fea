import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { DepartmentSelfEvaluationDto, DepartmentSelfEvaluationListItem, DocumentVersionDto, Page, ReviewRequest, SaveDepartmentSelfEvaluationRequest, SettingsProfileDto } from '@pm/api-contract';
import { firstValueFrom } from 'rxjs';

export type DepartmentEvaluationTransition = 'submit' | 'approve' | 'return';

const at = (departmentId: string, year: number) => `/api/departments/${encodeURIComponent(departmentId)}/self-evaluation/${year}`;

/** The 部门整体支出绩效自评表 routes: the year's departments, one department's table, its chain and history. */
@Injectable({ providedIn: 'root' })
export class DepartmentSelfEvaluationApi {
  private readonly http = inject(HttpClient);

  list(fiscalYear: number, page: number, pageSize: number): Promise<Page<DepartmentSelfEvaluationListItem>> {
    return firstValueFrom(this.http.get<Page<DepartmentSelfEvaluationListItem>>('/api/department-self-evaluations', { params: { fiscalYear, page, pageSize } }));
  }

  read(departmentId: string, year: number): Promise<DepartmentSelfEvaluationDto> {
    return firstValueFrom(this.http.get<DepartmentSelfEvaluationDto>(at(departmentId, year)));
  }

  save(departmentId: string, year: number, body: SaveDepartmentSelfEvaluationRequest): Promise<DepartmentSelfEvaluationDto> {
    return firstValueFrom(this.http.put<DepartmentSelfEvaluationDto>(at(departmentId, year), body));
  }

  transition(departmentId: string, year: number, name: DepartmentEvaluationTransition, body: ReviewRequest): Promise<DepartmentSelfEvaluationDto> {
    return firstValueFrom(this.http.post<DepartmentSelfEvaluationDto>(`${at(departmentId, year)}/${name}`, body));
  }

  versions(departmentId: string, year: number): Promise<DocumentVersionDto[]> {
    return firstValueFrom(this.http.get<DocumentVersionDto[]>(`${at(departmentId, year)}/versions`));
  }

  /** 部门整体支出绩效自评表 in the layout of the final accounts (附表14). */
  exportUrl(departmentId: string, year: number): string {
    return `${at(departmentId, year)}/table.xlsx`;
  }

  /**
   * The parameter profiles, to find the year's (the table's DTO does not carry the parameters it is
   * checked with; the server takes the year's profile, else the default one).
   */
  profiles(): Promise<SettingsProfileDto[]> {
    return firstValueFrom(this.http.get<SettingsProfileDto[]>('/api/settings-profiles'));
  }
}
