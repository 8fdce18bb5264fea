import { HttpClient } from '@angular/common/http';
import { inject, Injectable, resource } from '@angular/core';
import { FiscalYearDto, OrganizationDto } from '@pm/api-contract';
import { firstValueFrom } from 'rxjs';

/** Fiscal years and the organisations the user may see, loaded on demand. */
@Injectable({ providedIn: 'root' })
export class ReferenceDataService {
  private readonly http = inject(HttpClient);

  readonly fiscalYears = resource({
    loader: () => firstValueFrom(this.http.get<FiscalYearDto[]>('/api/fiscal-years')),
  });

  readonly organizations = resource({
    loader: () => firstValueFrom(this.http.get<OrganizationDto[]>('/api/organizations')),
  });

  reloadOrganizations(): void {
    this.organizations.reload();
  }

  reloadFiscalYears(): void {
    this.fiscalYears.reload();
  }
}

/** Organisations in tree order with their depth, for indented lists and selects. */
export function treeOrder(organizations: OrganizationDto[]): (OrganizationDto & { depth: number })[] {
  const ids = new Set(organizations.map((o) => o.id));
  const children = new Map<string | null, OrganizationDto[]>();
  for (const o of organizations) {
    const parent = o.parentId && ids.has(o.parentId) ? o.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), o]);
  }
  const result: (OrganizationDto & { depth: number })[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const o of (children.get(parent) ?? []).sort((a, b) => a.name.localeCompare(b.name, 'zh'))) {
      result.push({ ...o, depth });
      walk(o.id, depth + 1);
    }
  };
  walk(null, 0);
  return result;
}
