import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { SessionService } from '../../core/session.service';
import { YuanPipe } from '../../shared/money';
import { ReferenceDataService, treeOrder } from '../../shared/reference/reference-data.service';
import { ProjectFormComponent } from './project-form';
import { ProjectsApi } from './projects.api';
import { PROJECT_TEXT, sheetStateLabel } from './projects.text';

@Component({
  selector: 'pm-projects-page',
  imports: [
    FormsModule,
    RouterLink,
    NzCardModule,
    NzTableModule,
    NzSelectModule,
    NzInputModule,
    NzButtonModule,
    NzIconModule,
    YuanPipe,
    ProjectFormComponent,
  ],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .filters { display: flex; gap: 8px; flex-wrap: wrap; margin-bottom: 12px; align-items: center; }
    .filters nz-select { width: 140px; }
    .filters .unit { width: 260px; }
    .filters nz-input-group { width: 260px; }
    .spacer { flex: 1; }
    .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    .code { font-family: monospace; font-size: 12px; color: #595959; }
  `,
  template: `
    <nz-card [nzTitle]="text.title" nzSize="small">
      <div class="filters">
        <nz-select [ngModel]="fiscalYear()" (ngModelChange)="setYear($event)" [nzPlaceHolder]="text.allYears" nzAllowClear nzShowSearch data-test="filter-year">
          @for (y of reference.fiscalYears.value() ?? []; track y.year) {
            <nz-option [nzValue]="y.year" [nzLabel]="y.year + ' 年度'" />
          }
        </nz-select>
        @if (units().length > 1) {
          <nz-select class="unit" [ngModel]="unitId()" (ngModelChange)="setUnit($event)" [nzPlaceHolder]="text.allUnits" nzAllowClear>
            @for (u of units(); track u.id) {
              <nz-option [nzValue]="u.id" [nzLabel]="u.name" />
            }
          </nz-select>
        }
        <nz-input-group [nzSuffix]="searchIcon">
          <input nz-input [placeholder]="text.search" [ngModel]="q()" (ngModelChange)="setQuery($event)" data-test="filter-q" />
        </nz-input-group>
        <ng-template #searchIcon><nz-icon nzType="search" /></ng-template>
        <span class="spacer"></span>
        @if (exportUrl(); as url) {
          <a nz-button [href]="url" download data-test="export-table">导出目标表</a>
          <a nz-button [href]="url.replace('target-tables.xlsx', 'department-summary.xlsx')" download data-test="export-summary">导出汇总表</a>
        }
        @if (session.can('projects.create')) {
          <button nz-button nzType="primary" (click)="creating.set(true)" data-test="create-project">
            <nz-icon nzType="plus" />{{ text.create }}
          </button>
        }
      </div>
      <nz-table
        #table
        nzSize="small"
        nzBordered
        [nzData]="page.value()?.items ?? []"
        [nzTotal]="page.value()?.total ?? 0"
        [nzFrontPagination]="false"
        [nzPageIndex]="pageIndex()"
        [nzPageSize]="pageSize"
        [nzLoading]="page.isLoading()"
        [nzShowTotal]="totalTpl"
        [nzNoResult]="text.empty"
        (nzPageIndexChange)="pageIndex.set($event)"
        data-test="projects-table"
      >
        <thead>
          <tr>
            <th nzWidth="70px">{{ text.columns.year }}</th>
            <th>{{ text.columns.name }}</th>
            <th nzWidth="190px">{{ text.columns.code }}</th>
            <th nzWidth="220px">{{ text.columns.unit }}</th>
            <th nzWidth="130px">{{ text.columns.category }}</th>
            <th nzWidth="60px">{{ text.columns.level }}</th>
            <th nzWidth="150px" class="num">{{ text.columns.total }}</th>
            <th nzWidth="150px">绩效目标</th>
          </tr>
        </thead>
        <tbody>
          @for (p of table.data; track p.id) {
            <tr data-test="project-row">
              <td>{{ p.fiscalYear }}</td>
              <td><a [routerLink]="p.id">{{ p.name }}</a></td>
              <td class="code">{{ p.code ?? '—' }}</td>
              <td>{{ p.unitName }}</td>
              <td>{{ p.category ?? '—' }}</td>
              <td>{{ p.level }}</td>
              <td class="num">{{ p.funds.total | yuan }}</td>
              <td><a [routerLink]="[p.id, 'target-sheet']" data-test="sheet-link">{{ sheetLabel(p.targetSheet.status, p.targetSheet.version, p.targetSheet.isAdjustment) }}</a></td>
            </tr>
          }
        </tbody>
      </nz-table>
      <ng-template #totalTpl let-total>{{ text.totalOf(total) }}</ng-template>
    </nz-card>
    @if (creating()) {
      <pm-project-form [fiscalYear]="fiscalYear()" (closed)="creating.set(false)" (created)="onCreated()" />
    }
  `,
})
export class ProjectsPage {
  protected readonly session = inject(SessionService);
  protected readonly reference = inject(ReferenceDataService);
  private readonly api = inject(ProjectsApi);
  protected readonly text = PROJECT_TEXT;
  protected readonly pageSize = 20;

  /** Starts on the newest open year, as a clerk would; the user may change it. */
  protected readonly fiscalYear = linkedSignal<number | null>(
    () => (this.reference.fiscalYears.value() ?? []).find((y) => y.status === 'open')?.year ?? null,
  );
  protected readonly unitId = signal<string | null>(null);
  protected readonly q = signal('');
  protected readonly pageIndex = signal(1);
  protected readonly creating = signal(false);

  /** Units the user may see, for the unit filter. */
  protected readonly units = computed(() =>
    treeOrder(this.reference.organizations.value() ?? []).filter((o) => o.kind === 'unit'),
  );

  protected readonly page = resource({
    params: () => ({
      fiscalYear: this.fiscalYear() ?? undefined,
      unitId: this.unitId() ?? undefined,
      q: this.q().trim() || undefined,
      page: this.pageIndex(),
      pageSize: this.pageSize,
    }),
    loader: ({ params }) => this.api.list(params),
  });

  protected readonly sheetLabel = sheetStateLabel;

  /** The official list of the chosen (or the user's own) unit or department for the chosen year. */
  protected readonly exportUrl = computed(() => {
    const me = this.session.me();
    const year = this.fiscalYear();
    const organization = this.unitId() ?? (me?.role === 'project_lead' || me?.role === 'department_reviewer' ? me.organizationId : null);
    return year && organization ? `/api/target-tables.xlsx?fiscalYear=${year}&organizationId=${organization}` : null;
  });

  setYear(year: number | null): void {
    this.fiscalYear.set(year);
    this.pageIndex.set(1);
  }

  setUnit(unitId: string | null): void {
    this.unitId.set(unitId);
    this.pageIndex.set(1);
  }

  setQuery(q: string): void {
    this.q.set(q);
    this.pageIndex.set(1);
  }

  onCreated(): void {
    this.creating.set(false);
    this.page.reload();
  }
}
