import { HttpClient } from '@angular/common/http';
import { ChangeDetectionStrategy, Component, inject, resource, signal } from '@angular/core';
import { AuditEntryDto, Page } from '@pm/api-contract';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzTableModule } from 'ng-zorro-antd/table';
import { firstValueFrom } from 'rxjs';

const ACTIONS: Partial<Record<string, string>> = {
  submit: '提交',
  approve: '审核通过',
  return: '退回',
  adjust: '发起调整',
  update: '修改',
  row_added: '新增指标',
  row_removed: '删除指标',
  row_changed: '修改指标',
};
const ENTITIES: Partial<Record<string, string>> = { target_sheet: '绩效目标表', project: '项目', department_target: '部门整体绩效目标' };
const FIELDS: Partial<Record<string, string>> = {
  status: '状态',
  overallGoal: '年度总体目标',
  fundsTotal: '年度预算总额',
  fundsCurrentYearAppropriation: '当年财政拨款',
  fundsCarryOver: '上年结转资金',
  fundsOther: '其他资金',
  midTermYear1: '中期规划第一年',
  midTermYear2: '中期规划第二年',
  midTermYear3: '中期规划第三年',
  content: '内容',
};

/** 变更记录: who changed what and when, for reviewers (their scope) and admins. */
@Component({
  selector: 'pm-audit-page',
  imports: [NzCardModule, NzTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <nz-card nzTitle="变更记录" nzSize="small">
      <nz-table #table nzSize="small" nzBordered [nzData]="log.value()?.items ?? []" [nzTotal]="log.value()?.total ?? 0" [nzFrontPagination]="false"
        [nzPageIndex]="page()" [nzPageSize]="50" (nzPageIndexChange)="page.set($event)" [nzLoading]="log.isLoading()" data-test="audit-table">
        <thead><tr><th nzWidth="150px">时间</th><th nzWidth="140px">操作人</th><th nzWidth="110px">对象</th><th nzWidth="100px">操作</th><th>内容</th><th>原值</th><th>新值</th></tr></thead>
        <tbody>
          @for (e of table.data; track $index) {
            <tr>
              <td>{{ e.at.slice(0, 19).replace('T', ' ') }}</td>
              <td>{{ e.actor ?? '—' }}</td>
              <td>{{ entities[e.entity] ?? e.entity }}</td>
              <td>{{ actions[e.action] ?? e.action }}</td>
              <td>{{ fields[e.field ?? ''] ?? e.field }}</td>
              <td>{{ e.oldValue }}</td>
              <td>{{ e.newValue }}</td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
})
export class AuditPage {
  private readonly http = inject(HttpClient);
  protected readonly actions = ACTIONS;
  protected readonly entities = ENTITIES;
  protected readonly fields = FIELDS;
  protected readonly page = signal(1);
  protected readonly log = resource({
    params: () => this.page(),
    loader: ({ params }) => firstValueFrom(this.http.get<Page<AuditEntryDto>>('/api/audit', { params: { page: params, pageSize: 50 } })),
  });
}
