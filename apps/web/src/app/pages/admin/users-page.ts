import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { CreateUserRequest, LoginLockDto, UserDto } from '@pm/api-contract';
import { homeKindOf, Role, ROLE_LABELS, ROLES } from '@pm/domain';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzCardModule } from 'ng-zorro-antd/card';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzPopconfirmModule } from 'ng-zorro-antd/popconfirm';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { NzTableModule } from 'ng-zorro-antd/table';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { runAction } from '../../shared/run-action';
import { SessionService } from '../../core/session.service';
import { ReferenceDataService } from '../../shared/reference/reference-data.service';
import { AdminApi } from './admin.api';

@Component({
  selector: 'pm-users-page',
  imports: [DatePipe, FormsModule, NzCardModule, NzTableModule, NzButtonModule, NzIconModule, NzModalModule, NzFormModule, NzInputModule, NzSelectModule, NzTagModule, NzPopconfirmModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `.search { width: 320px; margin-bottom: 8px; } .actions button { padding: 0 8px 0 0; } .locks { margin-top: 12px; } .hint { color: rgba(0, 0, 0, 0.55); margin-bottom: 8px; }`,
  template: `
    <nz-card nzTitle="用户管理" nzSize="small" [nzExtra]="extra">
      <input nz-input class="search" placeholder="按用户名、姓名或所属单位搜索" [ngModel]="search()" (ngModelChange)="search.set($event); page.set(1)" data-test="user-search" />
      <nz-table #table nzSize="small" nzBordered [nzFrontPagination]="false" [nzData]="users.value()?.items ?? []" [nzTotal]="users.value()?.total ?? 0" [nzPageIndex]="page()" [nzPageSize]="pageSize"
        (nzPageIndexChange)="page.set($event)" [nzLoading]="users.isLoading()" nzNoResult="没有符合条件的用户" data-test="users-table">
        <thead><tr><th>用户名</th><th>姓名</th><th>角色</th><th>所属单位</th><th>状态</th><th>最近登录</th><th nzWidth="170px">操作</th></tr></thead>
        <tbody>
          @for (u of table.data; track u.id) {
            <tr>
              <td>{{ u.username }}</td>
              <td>{{ u.displayName }}</td>
              <td>{{ roleLabels[u.role] }}</td>
              <td>{{ u.organizationName }}</td>
              <td>@if (u.disabled) { <nz-tag nzColor="red">已停用</nz-tag> } @else { <nz-tag nzColor="green">正常</nz-tag> }</td>
              <td>{{ u.lastLoginAt ? (u.lastLoginAt | date: 'yyyy-MM-dd HH:mm') : '—' }}</td>
              <td class="actions">
                @if (u.id !== session.me()?.id) {
                  <button nz-button nzType="link" nzSize="small" nz-popconfirm [nzPopconfirmTitle]="u.disabled ? '启用该账号？' : '停用该账号？停用后无法登录。'" (nzOnConfirm)="toggle(u)">{{ u.disabled ? '启用' : '停用' }}</button>
                }
                <button nz-button nzType="link" nzSize="small" (click)="resetting.set(u); newPassword = ''">重置密码</button>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
    <nz-card nzTitle="登录锁定" nzSize="small" class="locks" data-test="login-locks">
      <p class="hint">同一地址连续输错密码 5 次，该账号在该地址锁定 15 分钟；同一地址尝试多个账号失败过多，该地址锁定。其他地址登录不受影响。</p>
      <nz-table #lockTable nzSize="small" nzBordered [nzData]="locks.value() ?? []" [nzLoading]="locks.isLoading()" [nzPageSize]="20" nzHideOnSinglePage nzNoResult="当前没有被锁定的登录">
        <thead><tr><th>账号</th><th>地址</th><th nzWidth="90px">失败次数</th><th nzWidth="150px">最近失败</th><th nzWidth="150px">锁定至</th><th nzWidth="90px">操作</th></tr></thead>
        <tbody>
          @for (l of lockTable.data; track l.key) {
            <tr data-test="login-lock-row">
              <td>{{ l.username ?? '（该地址的所有账号）' }}</td>
              <td>{{ l.address }}</td>
              <td>{{ l.failures }}</td>
              <td>{{ l.lastFailureAt | date: 'yyyy-MM-dd HH:mm' }}</td>
              <td>{{ l.lockedUntil | date: 'yyyy-MM-dd HH:mm' }}</td>
              <td><button nz-button nzType="link" nzSize="small" nz-popconfirm nzPopconfirmTitle="解除该锁定？" (nzOnConfirm)="clearLock(l)" data-test="clear-lock">解除</button></td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
    <ng-template #extra><button nz-button nzType="primary" (click)="creating.set(true)" data-test="create-user"><nz-icon nzType="plus" />新增用户</button></ng-template>

    <nz-modal [nzVisible]="creating()" nzTitle="新增用户" (nzOnCancel)="creating.set(false)" (nzOnOk)="create()" [nzOkLoading]="busy()">
      <form *nzModalContent nz-form nzLayout="vertical">
        <nz-form-item><nz-form-label nzRequired>用户名</nz-form-label><nz-form-control><input nz-input name="username" [(ngModel)]="draft.username" /></nz-form-control></nz-form-item>
        <nz-form-item><nz-form-label nzRequired>姓名</nz-form-label><nz-form-control><input nz-input name="displayName" [(ngModel)]="draft.displayName" /></nz-form-control></nz-form-item>
        <nz-form-item><nz-form-label nzRequired>初始密码（至少 8 位，含字母和数字）</nz-form-label><nz-form-control><input nz-input type="password" name="password" [(ngModel)]="draft.password" autocomplete="new-password" /></nz-form-control></nz-form-item>
        <nz-form-item><nz-form-label nzRequired>角色</nz-form-label><nz-form-control>
          <nz-select name="role" [ngModel]="role()" (ngModelChange)="role.set($event); draft.organizationId = ''">
            @for (r of roles; track r) { <nz-option [nzValue]="r" [nzLabel]="roleLabels[r]" /> }
          </nz-select></nz-form-control></nz-form-item>
        <nz-form-item><nz-form-label nzRequired>所属单位</nz-form-label><nz-form-control>
          <nz-select name="organizationId" [(ngModel)]="draft.organizationId">
            @for (o of organizationsForRole(); track o.id) { <nz-option [nzValue]="o.id" [nzLabel]="o.name" /> }
          </nz-select></nz-form-control></nz-form-item>
      </form>
    </nz-modal>

    <nz-modal [nzVisible]="resetting() !== null" [nzTitle]="'重置密码：' + (resetting()?.username ?? '')" (nzOnCancel)="resetting.set(null)" (nzOnOk)="reset()" [nzOkLoading]="busy()">
      <form *nzModalContent nz-form nzLayout="vertical">
        <nz-form-item><nz-form-label nzRequired>新密码（至少 8 位，含字母和数字）</nz-form-label><nz-form-control><input nz-input type="password" name="newPassword" [(ngModel)]="newPassword" autocomplete="new-password" /></nz-form-control></nz-form-item>
      </form>
    </nz-modal>
  `,
})
export class UsersPage {
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);
  private readonly reference = inject(ReferenceDataService);
  protected readonly session = inject(SessionService);
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly pageSize = 50;
  protected readonly page = signal(1);
  protected readonly search = signal('');
  protected readonly users = resource({
    params: () => ({ q: this.search(), page: this.page() }),
    loader: ({ params }) => this.api.users(params.q, params.page, this.pageSize),
  });
  protected readonly locks = resource({ loader: () => this.api.loginLocks() });
  protected readonly creating = signal(false);
  protected readonly resetting = signal<UserDto | null>(null);
  protected readonly busy = signal(false);
  protected readonly role = signal<Role>('project_lead');
  protected newPassword = '';
  protected draft: Omit<CreateUserRequest, 'role'> = { username: '', displayName: '', password: '', organizationId: '' };
  protected readonly organizationsForRole = computed(() =>
    (this.reference.organizations.value() ?? []).filter((o) => o.kind === homeKindOf(this.role())),
  );

  async create(): Promise<void> {
    await this.run(async () => {
      await this.api.createUser({ ...this.draft, role: this.role() });
      this.creating.set(false);
      this.draft = { username: '', displayName: '', password: '', organizationId: '' };
      return '用户已创建';
    });
  }

  async toggle(user: UserDto): Promise<void> {
    await this.run(async () => {
      await this.api.updateUser(user.id, { disabled: !user.disabled });
      return user.disabled ? '已启用' : '已停用';
    });
  }

  async reset(): Promise<void> {
    const user = this.resetting();
    if (!user) return;
    await this.run(async () => {
      await this.api.resetPassword(user.id, this.newPassword);
      this.resetting.set(null);
      return '密码已重置';
    });
  }

  async clearLock(lock: LoginLockDto): Promise<void> {
    const cleared = await runAction(this.busy, this.message, async () => {
      await this.api.clearLoginLock(lock.key);
      return '已解除锁定';
    });
    if (cleared) this.locks.reload();
  }

  private async run(action: () => Promise<string>): Promise<void> {
    if (await runAction(this.busy, this.message, action)) this.users.reload();
  }
}
