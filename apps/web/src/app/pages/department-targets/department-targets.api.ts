import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { DepartmentTargetDto, DepartmentTargetSummaryDto, DocumentVersionDto, SaveDepartmentTargetRequest, SheetTransitionRequest } from '@pm/api-contract';
import { firstValueFrom } from 'rxjs';

export type DepartmentTransition = 'submit' | 'approve' | 'return';

@Injectable({ providedIn: 'root' })
export class DepartmentTargetsApi {
  private readonly http = inject(HttpClient);
  private readonly base = (departmentId: string, year: number) => `/api/departments/${encodeURIComponent(departmentId)}/overall-target/${year}`;

  list(fiscalYear: number): Promise<DepartmentTargetSummaryDto[]> {
    return firstValueFrom(this.http.get<DepartmentTargetSummaryDto[]>('/api/department-targets', { params: { fiscalYear } }));
  }

  read(departmentId: string, year: number): Promise<DepartmentTargetDto> {
    return firstValueFrom(this.http.get<DepartmentTargetDto>(this.base(departmentId, year)));
  }

  save(departmentId: string, year: number, body: SaveDepartmentTargetRequest): Promise<DepartmentTargetDto> {
    return firstValueFrom(this.http.put<DepartmentTargetDto>(this.base(departmentId, year), body));
  }

  transition(departmentId: string, year: number, name: DepartmentTransition, body: SheetTransitionRequest): Promise<DepartmentTargetDto> {
    return firstValueFrom(this.http.post<DepartmentTargetDto>(`${this.base(departmentId, year)}/${name}`, body));
  }

  versions(departmentId: string, year: number): Promise<DocumentVersionDto[]> {
    return firstValueFrom(this.http.get<DocumentVersionDto[]>(`${this.base(departmentId, year)}/versions`));
  }
}
