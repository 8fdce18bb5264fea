import { ChangeDetectionStrategy, Component, inject, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { FiscalYearDto } from '@pm/api-contract';
import { FISCAL_YEAR_STATUS_LABELS } from '@pm/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzInputNumberModule } from 'ng-zorro-antd/input-number';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { runAction } from '../../shared/run-action';
import { ReferenceDataService } from '../../shared/reference/reference-data.service';
import { AdminApi } from './admin.api';

@Component({
  selector: 'pm-fiscal-years-page',
  imports: [FormsModule, NzCardModule, NzTableModule, NzButtonModule, NzInputModule, NzInputNumberModule, NzTagModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.add { display: flex; gap: 8px; margin-bottom: 12px; }`,
  template: `
    <nz-card nzTitle="预算年度" nzSize="small">
      <div class="add">
        <nz-input-number [(ngModel)]="newYear" [nzMin]="2000" [nzMax]="2100" [nzStep]="1" />
        <button nz-button nzType="primary" (click)="create()" [nzLoading]="busy()">设立年度</button>
      </div>
      <nz-table #table nzSize="small" nzBordered [nzData]="reference.fiscalYears.value() ?? []" [nzFrontPagination]="false" data-test="fiscal-years-table">
        <thead><tr><th>年度</th><th>状态</th><th>绩效目标申报截止</th><th nzWidth="120px">操作</th></tr></thead>
        <tbody>
          @for (y of table.data; track y.year) {
            <tr>
              <td>{{ y.year }} 年度</td>
              <td><nz-tag [nzColor]="y.status === 'open' ? 'green' : 'default'">{{ statusLabels[y.status] }}</nz-tag></td>
              <td><input nz-input type="date" [value]="y.targetDeadline ?? ''" (change)="setDeadline(y, $any($event.target).value)" style="width: 160px" /></td>
              <td><button nz-button nzType="link" nzSize="small" (click)="toggle(y)">{{ y.status === 'open' ? '关闭' : '重新开启' }}</button></td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
})
export class FiscalYearsPage {
  protected readonly reference = inject(ReferenceDataService);
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);
  protected readonly statusLabels = FISCAL_YEAR_STATUS_LABELS;
  protected readonly busy = signal(false);
  protected newYear = new Date().getFullYear() + 1;

  async create(): Promise<void> {
    await this.run(() => this.api.createFiscalYear(this.newYear), `${this.newYear} 年度已设立`);
  }

  async toggle(year: FiscalYearDto): Promise<void> {
    await this.run(() => this.api.updateFiscalYear(year.year, { status: year.status === 'open' ? 'closed' : 'open' }), '已更新');
  }

  async setDeadline(year: FiscalYearDto, date: string): Promise<void> {
    await this.run(() => this.api.updateFiscalYear(year.year, { targetDeadline: date || null }), '截止日期已更新');
  }

  private async run(action: () => Promise<unknown>, done: string): Promise<void> {
    const succeeded = await runAction(this.busy, this.message, async () => {
      await action();
      return done;
    });
    if (succeeded) this.reference.reloadFiscalYears();
  }
}
