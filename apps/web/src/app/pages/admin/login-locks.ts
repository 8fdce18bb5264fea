import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, inject, resource, signal } from '@angular/core';
import { LoginLockDto } from '@pm/api-contract';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzTableModule } from 'ng-zorro-antd/table';
import { runAction } from '../../shared/run-action';
import { AdminApi } from './admin.api';
import { ADMIN_TEXT } from './admin.text';

/** 登录锁定: the locked sign-ins, each one cleared by the admin. */
@Component({
  selector: 'pm-login-locks',
  imports: [DatePipe, NzButtonModule, NzCardModule, NzPopconfirmModule, NzTableModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.hint { color: rgba(0, 0, 0, 0.55); margin-bottom: 8px; }`,
  template: `
    <nz-card [nzTitle]="text.title" nzSize="small" data-test="login-locks">
      <p class="hint">{{ text.hint }}</p>
      <nz-table #lockTable nzSize="small" nzBordered [nzData]="locks.value() ?? []" [nzLoading]="locks.isLoading()" [nzPageSize]="20" nzHideOnSinglePage [nzNoResult]="text.noResult">
        <thead><tr><th>{{ text.columns.account }}</th><th>{{ text.columns.address }}</th><th nzWidth="90px">{{ text.columns.failures }}</th><th nzWidth="150px">{{ text.columns.lastFailure }}</th><th nzWidth="150px">{{ text.columns.lockedUntil }}</th><th nzWidth="90px">{{ text.columns.actions }}</th></tr></thead>
        <tbody>
          @for (l of lockTable.data; track l.key) {
            <tr data-test="login-lock-row">
              <td>{{ l.username ?? text.allAccounts }}</td>
              <td>{{ l.address }}</td>
              <td>{{ l.failures }}</td>
              <td>{{ l.lastFailureAt | date: 'yyyy-MM-dd HH:mm' }}</td>
              <td>{{ l.lockedUntil | date: 'yyyy-MM-dd HH:mm' }}</td>
              <td><button nz-button nzType="link" nzSize="small" nz-popconfirm [nzPopconfirmTitle]="text.confirmClear" (nzOnConfirm)="clear(l)" data-test="clear-lock">{{ text.clear }}</button></td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
  `,
})
export class LoginLocks {
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);
  protected readonly text = ADMIN_TEXT.locks;
  protected readonly busy = signal(false);
  protected readonly locks = resource({ loader: () => this.api.loginLocks() });

  async clear(lock: LoginLockDto): Promise<void> {
    const cleared = await runAction(this.busy, this.message, async () => {
      await this.api.clearLoginLock(lock.key);
      return this.text.cleared;
    });
    if (cleared) this.locks.reload();
  }
}
