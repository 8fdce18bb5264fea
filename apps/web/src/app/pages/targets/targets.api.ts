import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { LibraryEntryDto, SaveTargetSheetRequest, SheetCompareDto, SheetTransitionRequest, SheetVersionDto, TargetSheetDto } from '@pm/api-contract';
import { firstValueFrom } from 'rxjs';

export type TransitionName = 'submit' | 'approve' | 'return' | 'adjust';

@Injectable({ providedIn: 'root' })
export class TargetsApi {
  private readonly http = inject(HttpClient);
  private readonly base = (projectId: string) => `/api/projects/${encodeURIComponent(projectId)}/target-sheet`;

  read(projectId: string): Promise<TargetSheetDto> {
    return firstValueFrom(this.http.get<TargetSheetDto>(this.base(projectId)));
  }

  save(projectId: string, body: SaveTargetSheetRequest): Promise<TargetSheetDto> {
    return firstValueFrom(this.http.put<TargetSheetDto>(this.base(projectId), body));
  }

  transition(projectId: string, name: TransitionName, body: SheetTransitionRequest): Promise<TargetSheetDto> {
    return firstValueFrom(this.http.post<TargetSheetDto>(`${this.base(projectId)}/${name}`, body));
  }

  versions(projectId: string): Promise<SheetVersionDto[]> {
    return firstValueFrom(this.http.get<SheetVersionDto[]>(`${this.base(projectId)}/versions`));
  }

  compare(projectId: string, from: number, to: number): Promise<SheetCompareDto> {
    return firstValueFrom(this.http.get<SheetCompareDto>(`${this.base(projectId)}/versions/compare`, { params: { from, to } }));
  }

  library(q: string): Promise<LibraryEntryDto[]> {
    return firstValueFrom(this.http.get<LibraryEntryDto[]>('/api/indicator-library', { params: q ? { q } : {} }));
  }
}
