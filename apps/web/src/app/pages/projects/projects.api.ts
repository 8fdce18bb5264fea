import { HttpClient, HttpParams } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateProjectRequest, Page, ProjectDto, ProjectListQuery } from '@pm/api-contract';
import { firstValueFrom } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class ProjectsApi {
  private readonly http = inject(HttpClient);

  list(query: ProjectListQuery): Promise<Page<ProjectDto>> {
    let params = new HttpParams();
    for (const [key, value] of Object.entries(query)) {
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return firstValueFrom(this.http.get<Page<ProjectDto>>('/api/projects', { params }));
  }

  get(id: string): Promise<ProjectDto> {
    return firstValueFrom(this.http.get<ProjectDto>(`/api/projects/${encodeURIComponent(id)}`));
  }

  create(body: CreateProjectRequest): Promise<ProjectDto> {
    return firstValueFrom(this.http.post<ProjectDto>('/api/projects', body));
  }
}
