import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import { BatchApprovalRequest, BatchApprovalResponse, InboxResponse } from '@pm/api-contract';
import { firstValueFrom } from 'rxjs';

@Injectable({ providedIn: 'root' })
export class InboxApi {
  private readonly http = inject(HttpClient);

  list(page = 1, pageSize = 50): Promise<InboxResponse> {
    return firstValueFrom(this.http.get<InboxResponse>('/api/inbox', { params: { page, pageSize } }));
  }

  approveAll(body: BatchApprovalRequest): Promise<BatchApprovalResponse> {
    return firstValueFrom(this.http.post<BatchApprovalResponse>('/api/inbox/approve', body));
  }
}
