import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { CreateLibraryEntryRequest, LibraryEntryDto } from '@pm/api-contract';
import { firstValueFrom } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class LibraryApi {
  private readonly http = inject(HttpClient);

  search(filter: { q?: string; level1?: string }): Promise<LibraryEntryDto[]> {
    const params: Record<string, string> = {};
    if (filter.q) params['q'] = filter.q;
    if (filter.level1) params['level1'] = filter.level1;
    return firstValueFrom(this.http.get<LibraryEntryDto[]>('/api/indicator-library', { params }));
  }

  create(body: CreateLibraryEntryRequest): Promise<LibraryEntryDto> {
    return firstValueFrom(this.http.post<LibraryEntryDto>('/api/indicator-library', body));
  }

  remove(id: string): Promise<void> {
    return firstValueFrom(this.http.delete<void>(`/api/indicator-library/${encodeURIComponent(id)}`));
  }
}
