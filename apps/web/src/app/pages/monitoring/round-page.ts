import { ChangeDetectionStrategy, Component, computed, inject, input, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { RoundDashboardDto } from '@pm/api-contract';
import type { EChartsCoreOption } from 'echarts/core';
import { NgxEchartsDirective, provideEchartsCore } from 'ngx-echarts';
import { NzBreadCrumbModule } from 'ng-zorro-antd/breadcrumb';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { PATHS } from '../../paths';
import { WarningTag } from '../../shared/warning-tag/warning-tag';
import { MonitoringApi } from './monitoring.api';
import { COLOUR_TAGS, MONITORING_TEXT, REPORT_STATUS_LABELS } from './monitoring.text';
import { colourDonut, departmentBars, executionBars } from './round-charts';

/** A round's dashboard (colours per department, the colour share, execution against time) and its reports. */
@Component({
  selector: 'pm-monitoring-round-page',
  imports: [FormsModule, RouterLink, NgxEchartsDirective, NzBreadCrumbModule, NzButtonModule, NzCardModule, NzSelectModule, NzTableModule, NzTagModule, WarningTag],
  providers: [provideEchartsCore({ echarts: () => import('./echarts-setup').then((m) => m.default) })],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../../shared/sheet.css',
  template: `
    <nz-breadcrumb>
      <nz-breadcrumb-item><a [routerLink]="base">{{ text.menu }}</a></nz-breadcrumb-item>
      <nz-breadcrumb-item>{{ dashboard.value() ? '截至 ' + dashboard.value()?.round?.cutoffDate : '…' }}</nz-breadcrumb-item>
    </nz-breadcrumb>
    @if (dashboard.value(); as d) {
      <nz-card nzSize="small" [nzTitle]="titleTpl" [nzExtra]="exportTpl" data-test="dashboard">
        <ng-template #titleTpl>
          {{ d.round.fiscalYear }} 年度 {{ text.dashboard }}（截至 {{ d.round.cutoffDate }}，时间进度 {{ d.timeProgress }}%）
          <nz-tag [nzColor]="d.round.status === 'open' ? 'green' : 'default'">{{ d.round.status === 'open' ? '填报中' : '已关闭' }}</nz-tag>
        </ng-template>
        <ng-template #exportTpl><a nz-button nzSize="small" [href]="'/api/monitoring-rounds/' + id() + '/reports.xlsx'" download data-test="export-round">{{ text.export }}</a></ng-template>
        <div class="counts" data-test="colour-counts">
          @for (c of colourKeys; track c) { <span class="count"><span class="dot" [style.background]="tags[c].color"></span>{{ tags[c].label }} <b>{{ d.colours[c] }}</b></span> }
          <span class="count"><span class="dot" style="background: #bfbfbf"></span>{{ text.pending }} <b>{{ d.colours.pending }}</b></span>
          <span class="content">共 {{ d.round.reports }} 张监控表 · 填报截止 {{ d.round.deadline }} · 参数方案：{{ d.round.profileName }}</span>
        </div>
        <div class="charts">
          <div><h4>{{ text.byDepartment }}</h4><div echarts class="chart" [options]="bars()" data-test="chart-departments"></div></div>
          <div><h4>{{ text.colourShare }}</h4><div echarts class="chart" [options]="donut()" data-test="chart-colours"></div></div>
          <div><h4>{{ text.execution }}</h4><div echarts class="chart" [options]="execution()" data-test="chart-execution"></div></div>
        </div>
      </nz-card>
    }
    <nz-card nzSize="small" [nzTitle]="text.reports" [nzExtra]="filterTpl" class="panel">
      <ng-template #filterTpl>
        <div class="bar" style="margin: 0">
          <nz-select [ngModel]="colour()" (ngModelChange)="setColour($event)" nzAllowClear nzPlaceHolder="全部预警" style="width: 120px" data-test="filter-colour">
            @for (c of colourKeys; track c) { <nz-option [nzValue]="c" [nzLabel]="tags[c].label" /> }
            <nz-option nzValue="pending" [nzLabel]="text.pending" />
          </nz-select>
          <nz-select [ngModel]="status()" (ngModelChange)="setStatus($event)" nzAllowClear nzPlaceHolder="全部状态" style="width: 150px" data-test="filter-status">
            @for (s of statusKeys; track s) { <nz-option [nzValue]="s" [nzLabel]="statusLabels[s]" /> }
          </nz-select>
        </div>
      </ng-template>
      <nz-table #table nzSize="small" nzBordered nzShowSizeChanger [nzFrontPagination]="false" [nzData]="reports.value()?.items ?? []" [nzTotal]="reports.value()?.total ?? 0" [nzPageIndex]="page()" [nzPageSize]="pageSize()" (nzPageIndexChange)="page.set($event)" (nzPageSizeChange)="pageSize.set($event)" [nzLoading]="reports.isLoading()" nzNoResult="没有符合条件的监控表" data-test="round-reports">
        <thead><tr><th nzWidth="70px">预警</th><th>项目</th><th>预算单位</th><th nzWidth="150px">状态</th></tr></thead>
        <tbody>
          @for (r of table.data; track r.id) {
            <tr data-test="round-report-row">
              <td><pm-warning-tag [colourOnly]="r.colour" /></td>
              <td><a [routerLink]="[base, 'reports', r.id]">{{ r.projectName }}</a> <span class="content">{{ r.projectCode }}</span></td>
              <td>{{ r.unitName }}</td>
              <td>{{ statusLabels[r.status] }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
  styles: `
    .counts { display: flex; gap: 18px; align-items: center; margin-bottom: 8px; flex-wrap: wrap; }
    .dot { display: inline-block; width: 10px; height: 10px; border-radius: 50%; margin-right: 4px; }
    .charts { display: grid; grid-template-columns: 2fr 1fr 2fr; gap: 12px; }
    .chart { height: 280px; }
    h4 { margin: 4px 0; font-size: 13px; }
  `,
})
export class MonitoringRoundPage {
  private readonly api = inject(MonitoringApi);
  readonly id = input.required<string>();
  protected readonly text = MONITORING_TEXT;
  protected readonly tags = COLOUR_TAGS;
  protected readonly colourKeys = ['red', 'yellow', 'green', 'blue'] as const;
  protected readonly statusKeys = ['draft', 'submitted', 'department_approved', 'approved'] as const;
  protected readonly statusLabels = REPORT_STATUS_LABELS;
  protected readonly base = PATHS.monitoring;
  protected readonly colour = signal<string | null>(null);
  protected readonly status = signal<string | null>(null);
  protected readonly page = signal(1);
  protected readonly pageSize = signal(50);
  protected readonly dashboard = resource({ params: () => this.id(), loader: ({ params }) => this.api.dashboard(params) });
  protected readonly reports = resource({
    params: () => ({ id: this.id(), colour: this.colour(), status: this.status(), page: this.page(), pageSize: this.pageSize() }),
    loader: ({ params }) => this.api.reports(params.id, params),
  });
  protected readonly bars = computed(() => this.chart(departmentBars));
  protected readonly donut = computed(() => this.chart((d) => colourDonut(d.colours)));
  protected readonly execution = computed(() => this.chart(executionBars));

  private chart(build: (d: RoundDashboardDto) => EChartsCoreOption): EChartsCoreOption {
    const d = this.dashboard.value();
    return d ? build(d) : {};
  }

  setColour(colour: string | null): void {
    this.colour.set(colour);
    this.page.set(1);
  }

  setStatus(status: string | null): void {
    this.status.set(status);
    this.page.set(1);
  }
}
