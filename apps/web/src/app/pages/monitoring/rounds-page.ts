import { ChangeDetectionStrategy, Component, computed, inject, linkedSignal, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { RouterLink } from '@angular/router';
import { MonitoringRoundDto } from '@pm/api-contract';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { SessionService } from '../../core/session.service';
import { PATHS } from '../../paths';
import { ReferenceDataService } from '../../shared/reference/reference-data.service';
import { runAction } from '../../shared/run-action';
import { MonitoringApi } from './monitoring.api';
import { COLOUR_TAGS, MONITORING_TEXT } from './monitoring.text';

/** 监控批次 of a year: counts per colour in the user's scope; finance opens, closes and reopens them. */
@Component({
  selector: 'pm-monitoring-rounds-page',
  imports: [FormsModule, RouterLink, NzButtonModule, NzCardModule, NzInputModule, NzModalModule, NzSelectModule, NzTableModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styleUrl: '../../shared/sheet.css',
  template: `
    <nz-card nzSize="small" [nzTitle]="text.rounds" [nzExtra]="extraTpl">
      <ng-template #extraTpl>
        <div class="bar" style="margin: 0">
          <nz-select [ngModel]="fiscalYear()" (ngModelChange)="fiscalYear.set($event)" style="width: 130px" data-test="monitoring-year">
            @for (y of reference.fiscalYears.value() ?? []; track y.year) { <nz-option [nzValue]="y.year" [nzLabel]="y.year + ' 年度'" /> }
          </nz-select>
          @if (canManage()) { <button nz-button nzType="primary" (click)="opening.set(true)" data-test="open-round">{{ text.open }}</button> }
        </div>
      </ng-template>
      <nz-table #table nzSize="small" nzBordered [nzData]="rounds.value()?.items ?? []" [nzLoading]="rounds.isLoading()" [nzShowPagination]="false" [nzFrontPagination]="false" nzNoResult="本年度尚未开启监控批次" data-test="rounds-table">
        <thead>
          <tr><th>{{ text.cutoff }}</th><th>{{ text.deadline }}</th><th>状态</th><th>监控表</th><th>红</th><th>黄</th><th>绿</th><th>蓝</th><th>{{ text.pending }}</th><th>参数方案</th>@if (canManage()) { <th></th> }</tr>
        </thead>
        <tbody>
          @for (r of table.data; track r.id) {
            <tr data-test="round-row">
              <td><a [routerLink]="[base, r.id]">截至 {{ r.cutoffDate }}（1-{{ r.cutoffMonth }} 月）</a></td>
              <td>{{ r.deadline }}</td>
              <td><nz-tag [nzColor]="r.status === 'open' ? 'green' : 'default'">{{ r.status === 'open' ? '填报中' : '已关闭' }}</nz-tag></td>
              <td class="num">{{ r.reports }}</td>
              @for (c of colourKeys; track c) { <td class="num"><span [style.color]="tags[c].color"><b>{{ r.colours[c] }}</b></span></td> }
              <td class="num">{{ r.colours.pending }}</td>
              <td class="content">{{ r.profileName }}</td>
              @if (canManage()) {
                <td>
                  @if (r.status === 'open') { <button nz-button nzSize="small" (click)="ask(r, 'close')" data-test="close-round">{{ text.close }}</button> }
                  @else { <button nz-button nzSize="small" (click)="ask(r, 'reopen')" data-test="reopen-round">{{ text.reopen }}</button> }
                </td>
              }
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>

    <nz-modal [nzVisible]="opening()" [nzTitle]="text.open" (nzOnCancel)="opening.set(false)" (nzOnOk)="open()" [nzOkLoading]="busy()">
      <ng-container *nzModalContent>
        <div class="form-grid">
          <label for="round-cutoff">{{ text.cutoff }}</label><input id="round-cutoff" nz-input type="date" [(ngModel)]="form.cutoffDate" data-test="round-cutoff" />
          <label for="round-deadline">{{ text.deadline }}</label><input id="round-deadline" nz-input type="date" [(ngModel)]="form.deadline" data-test="round-deadline" />
          <label for="round-scope">{{ text.scope }}</label>
          <nz-select id="round-scope" nzMode="multiple" [(ngModel)]="form.departmentIds" [nzPlaceHolder]="text.allDepartments" data-test="round-scope">
            @for (d of departments(); track d.id) { <nz-option [nzValue]="d.id" [nzLabel]="d.name" /> }
          </nz-select>
        </div>
        <p class="content">开启后，本年度每个已批复绩效目标的项目都会生成一张监控表，列入项目负责人的待办。同一截至日期再次开启时，只补充此后批复的项目。</p>
      </ng-container>
    </nz-modal>

    <nz-modal [nzVisible]="statusChange() !== null" [nzTitle]="statusChange()?.action === 'close' ? text.close : text.reopen" (nzOnCancel)="statusChange.set(null)" (nzOnOk)="changeStatus()" [nzOkLoading]="busy()">
      <ng-container *nzModalContent>
        <textarea nz-input rows="3" [(ngModel)]="reason" [placeholder]="statusChange()?.action === 'close' ? text.closeReason : text.reopenReason" data-test="round-reason"></textarea>
      </ng-container>
    </nz-modal>
  `,
  styles: `.form-grid { display: grid; grid-template-columns: 90px 1fr; gap: 10px; align-items: center; margin-bottom: 10px; }`,
})
export class MonitoringRoundsPage {
  private readonly api = inject(MonitoringApi);
  private readonly message = inject(NzMessageService);
  private readonly session = inject(SessionService);
  protected readonly reference = inject(ReferenceDataService);
  protected readonly text = MONITORING_TEXT;
  protected readonly tags = COLOUR_TAGS;
  protected readonly colourKeys = ['red', 'yellow', 'green', 'blue'] as const;
  protected readonly base = PATHS.monitoring;
  protected readonly canManage = computed(() => this.session.can('monitoring.manage'));
  protected readonly fiscalYear = linkedSignal<number | null>(() => (this.reference.fiscalYears.value() ?? []).find((y) => y.status === 'open')?.year ?? null);
  protected readonly rounds = resource({ params: () => this.fiscalYear() ?? undefined, loader: ({ params }) => this.api.rounds(params) });
  protected readonly departments = computed(() => (this.reference.organizations.value() ?? []).filter((o) => o.kind === 'department'));
  protected readonly opening = signal(false);
  protected readonly busy = signal(false);
  protected readonly statusChange = signal<{ round: MonitoringRoundDto; action: 'close' | 'reopen' } | null>(null);
  protected reason = '';
  protected form = { cutoffDate: '', deadline: '', departmentIds: [] as string[] };

  async open(): Promise<void> {
    const year = this.fiscalYear();
    if (!year) return;
    const done = await runAction(this.busy, this.message, async () => {
      const round = await this.api.open({ fiscalYear: year, cutoffDate: this.form.cutoffDate, deadline: this.form.deadline, ...(this.form.departmentIds.length ? { departmentIds: this.form.departmentIds } : {}) });
      return `已开启截至 ${round.cutoffDate} 的监控批次，共 ${round.reports} 张监控表`;
    });
    if (done) {
      this.opening.set(false);
      this.rounds.reload();
    }
  }

  ask(round: MonitoringRoundDto, action: 'close' | 'reopen'): void {
    this.reason = '';
    this.statusChange.set({ round, action });
  }

  async changeStatus(): Promise<void> {
    const change = this.statusChange();
    if (!change) return;
    const done = await runAction(this.busy, this.message, async () => {
      await this.api.setStatus(change.round.id, change.action, this.reason);
      return change.action === 'close' ? '已关闭监控批次' : '已重新开启监控批次';
    });
    if (done) {
      this.statusChange.set(null);
      this.rounds.reload();
    }
  }
}
