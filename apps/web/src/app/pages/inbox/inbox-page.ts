import { ChangeDetectionStrategy, Component, inject, resource } from '@angular/core';
import { RouterLink } from '@angular/router';
import { DEPARTMENT_TARGET_STATUS_LABELS, SHEET_STATUS_LABELS } from '@pm/domain';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { PATHS } from '../../paths';
import { TargetsApi } from '../targets/targets.api';
import { REPORT_STATUS_LABELS } from '../monitoring/monitoring.text';
import { DEPARTMENT_SELF_EVALUATION_STATUS_LABELS, EVALUATION_STATUS_LABELS } from '../self-evaluation/self-evaluation.text';

@Component({
  selector: 'pm-inbox-page',
  imports: [RouterLink, NzCardModule, NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card nzTitle="我的待办" nzSize="small">
      <nz-table #table nzSize="small" nzBordered [nzData]="inbox.value()?.items ?? []" [nzLoading]="inbox.isLoading()" [nzPageSize]="50" nzNoResult="没有待办事项" data-test="inbox-table">
        <thead><tr><th nzWidth="150px">事项</th><th>项目 / 事项</th><th nzWidth="240px">预算单位 / 部门</th><th nzWidth="70px">年度</th><th nzWidth="130px">状态</th><th nzWidth="150px">自</th><th nzWidth="110px">截止日期</th></tr></thead>
        <tbody>
          @for (i of table.data; track $index) {
            <tr data-test="inbox-row">
              <td><nz-tag [nzColor]="i.reason.includes('被退回') ? 'red' : 'blue'">{{ i.reason }}</nz-tag></td>
              @if (i.kind === 'target_sheet') {
                <td><a [routerLink]="[projects, i.projectId, 'target-sheet']">{{ i.projectName }}</a></td>
                <td>{{ i.unitName }}</td>
                <td>{{ i.fiscalYear }}</td>
                <td>{{ statusLabels[i.status] }}</td>
              } @else if (i.kind === 'department_target') {
                <td><a [routerLink]="[departmentTargets, i.departmentId, i.fiscalYear]">部门整体绩效目标表</a></td>
                <td>{{ i.unitName }}</td>
                <td>{{ i.fiscalYear }}</td>
                <td>{{ departmentLabels[i.status] }}</td>
              } @else if (i.kind === 'monitoring_report') {
                <td><a [routerLink]="[monitoring, 'reports', i.reportId]">{{ i.projectName }}</a> <span class="content">监控表（截至 {{ i.cutoffDate }}）</span></td>
                <td>{{ i.unitName }}</td>
                <td>{{ i.fiscalYear }}</td>
                <td>{{ reportLabels[i.status] }}</td>
              } @else if (i.kind === 'budget_cut') {
                <td><a [routerLink]="[monitoring, 'reports', i.reportId]">{{ i.projectName }}</a> <span class="content">调减预算申请</span></td>
                <td>{{ i.unitName }}</td>
                <td>{{ i.fiscalYear }}</td>
                <td>{{ i.status === 'submitted' ? '待财政审核' : '被退回' }}</td>
              } @else if (i.kind === 'self_evaluation') {
                <td><a [routerLink]="[selfEvaluation, i.selfEvaluationId]">{{ i.projectName }}</a> <span class="content">项目支出绩效自评表</span></td>
                <td>{{ i.unitName }}</td>
                <td>{{ i.fiscalYear }}</td>
                <td>{{ evaluationLabels[i.status] }}</td>
              } @else {
                <td><a [routerLink]="[departmentSelfEvaluations, i.departmentId, i.fiscalYear]">部门整体支出绩效自评表</a></td>
                <td>{{ i.unitName }}</td>
                <td>{{ i.fiscalYear }}</td>
                <td>{{ departmentEvaluationLabels[i.status] }}</td>
              }
              <td>{{ i.since.slice(0, 16).replace('T', ' ') }}</td>
              <td data-test="inbox-deadline">{{ i.deadline ?? '—' }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
})
export class InboxPage {
  private readonly api = inject(TargetsApi);
  protected readonly projects = PATHS.projects;
  protected readonly departmentTargets = PATHS.departmentTargets;
  protected readonly statusLabels = SHEET_STATUS_LABELS;
  protected readonly departmentLabels = DEPARTMENT_TARGET_STATUS_LABELS;
  protected readonly reportLabels = REPORT_STATUS_LABELS;
  protected readonly monitoring = PATHS.monitoring;
  protected readonly selfEvaluation = PATHS.selfEvaluation;
  protected readonly departmentSelfEvaluations = PATHS.departmentSelfEvaluations;
  protected readonly evaluationLabels = EVALUATION_STATUS_LABELS;
  protected readonly departmentEvaluationLabels = DEPARTMENT_SELF_EVALUATION_STATUS_LABELS;
  protected readonly inbox = resource({ loader: () => this.api.inbox() });
}
