import { DatePipe } from '@angular/common';
import { ChangeDetectionStrategy, Component, computed, inject, resource, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Role, ROLE_LABELS, ROLES } from '@pm/domain';
import { UserDto } from '@pm/api-contract';
import { NzAlertModule } from 'ng-zorro-antd/alert';
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
import { messageOf } from '../../core/api-errors.interceptor';
import { SessionService } from '../../core/session.service';
import { runAction } from '../../shared/run-action';
import { ReferenceDataService, treeOrder } from '../../shared/reference/reference-data.service';
import { AdminApi } from './admin.api';
import { ADMIN_TEXT } from './admin.text';
import { formErrorsOf, NO_ERRORS, statusOf, tipOf } from './form-errors';
import { LoginLocks } from './login-locks';
import { UserForm } from './user-form';

@Component({
  selector: 'pm-users-page',
  imports: [DatePipe, FormsModule, NzAlertModule, NzCardModule, NzTableModule, NzButtonModule, NzIconModule, NzModalModule, NzFormModule, NzInputModule, NzSelectModule, NzTagModule, NzPopconfirmModule, LoginLocks, UserForm],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    .filters { display: flex; gap: 8px; margin-bottom: 8px; align-items: center; }
    .filters .search { width: 300px; } .filters .role { width: 160px; } .filters .organization { width: 280px; }
    .total { margin-left: auto; color: rgba(0, 0, 0, 0.55); }
    .actions button { padding: 0 8px 0 0; } pm-login-locks { display: block; margin-top: 12px; } .self { color: rgba(0, 0, 0, 0.45); }
  `,
  template: `
    <nz-card [nzTitle]="text.title" nzSize="small" [nzExtra]="extra">
      <div class="filters">
        <input nz-input class="search" [placeholder]="text.search" [ngModel]="search()" (ngModelChange)="search.set($event); page.set(1)" data-test="user-search" />
        <nz-select class="role" nzAllowClear [nzPlaceHolder]="text.allRoles" [ngModel]="role()" (ngModelChange)="role.set($event); page.set(1)" data-test="user-role-filter">
          @for (r of roles; track r) { <nz-option [nzValue]="r" [nzLabel]="roleLabels[r]" /> }
        </nz-select>
        <nz-select class="organization" nzAllowClear nzShowSearch [nzPlaceHolder]="text.allOrganizations" [ngModel]="organizationId()" (ngModelChange)="organizationId.set($event); page.set(1)" data-test="user-organization-filter">
          @for (o of organizations(); track o.id) { <nz-option [nzValue]="o.id" [nzLabel]="o.name" /> }
        </nz-select>
        <span class="total" data-test="user-total">{{ text.total(users.value()?.total ?? 0) }}</span>
      </div>
      <nz-table #table nzSize="small" nzBordered [nzFrontPagination]="false" [nzData]="users.value()?.items ?? []" [nzTotal]="users.value()?.total ?? 0" [nzPageIndex]="page()" [nzPageSize]="pageSize"
        (nzPageIndexChange)="page.set($event)" [nzLoading]="users.isLoading()" [nzNoResult]="text.noResult" data-test="users-table">
        <thead><tr><th>{{ columns.username }}</th><th>{{ columns.displayName }}</th><th>{{ columns.role }}</th><th>{{ columns.organization }}</th><th nzWidth="80px">{{ columns.status }}</th><th nzWidth="140px">{{ columns.lastLogin }}</th><th nzWidth="200px">{{ columns.actions }}</th></tr></thead>
        <tbody>
          @for (u of table.data; track u.id) {
            <tr [attr.data-user]="u.username">
              <td>{{ u.username }}</td>
              <td>{{ u.displayName }}@if (u.id === session.me()?.id) { <span class="self">{{ text.self }}</span> }</td>
              <td>{{ roleLabels[u.role] }}</td>
              <td>{{ u.organizationName }}</td>
              <td>@if (u.disabled) { <nz-tag nzColor="red">{{ text.disabled }}</nz-tag> } @else { <nz-tag nzColor="green">{{ text.enabled }}</nz-tag> }</td>
              <td>{{ u.lastLoginAt ? (u.lastLoginAt | date: 'yyyy-MM-dd HH:mm') : '—' }}</td>
              <td class="actions">
                <button nz-button nzType="link" nzSize="small" (click)="editing.set(u)" data-test="edit-user">{{ text.edit }}</button>
                @if (u.id !== session.me()?.id) {
                  <button nz-button nzType="link" nzSize="small" [nzDanger]="!u.disabled" nz-popconfirm [nzPopconfirmTitle]="u.disabled ? text.confirmEnable : text.confirmDisable" (nzOnConfirm)="toggle(u)" data-test="toggle-user">{{ u.disabled ? text.enable : text.disable }}</button>
                }
                <button nz-button nzType="link" nzSize="small" (click)="openReset(u)" data-test="reset-password">{{ text.resetPassword }}</button>
              </td>
            </tr>
          }
        </tbody>
      </nz-table>
    </nz-card>
    <pm-login-locks />
    <ng-template #extra><button nz-button nzType="primary" (click)="creating.set(true)" data-test="create-user"><nz-icon nzType="plus" />{{ text.create }}</button></ng-template>

    @if (creating()) { <pm-user-form (closed)="creating.set(false)" (saved)="creating.set(false); users.reload()" /> }
    @if (editing(); as u) { <pm-user-form [user]="u" (closed)="editing.set(null)" (saved)="editing.set(null); users.reload()" /> }

    <nz-modal [nzVisible]="resetting() !== null" [nzTitle]="text.resetTitle(resetting()?.username ?? '')" (nzOnCancel)="resetting.set(null)" (nzOnOk)="reset()" [nzOkLoading]="busy()">
      <form *nzModalContent nz-form nzLayout="vertical" data-test="reset-form">
        @if (resetErrors().general; as general) { <nz-alert nzType="error" nzShowIcon [nzMessage]="general" /> }
        <nz-form-item><nz-form-label nzRequired nzFor="new-password">{{ text.fields.newPassword }}</nz-form-label>
          <nz-form-control [nzValidateStatus]="status('password')" [nzErrorTip]="tip('password')">
            <input nz-input id="new-password" type="password" name="newPassword" [(ngModel)]="newPassword" (ngModelChange)="resetErrors.set(noErrors)" autocomplete="new-password" /></nz-form-control></nz-form-item>
      </form>
    </nz-modal>
  `,
})
export class UsersPage {
  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);
  private readonly reference = inject(ReferenceDataService);
  protected readonly session = inject(SessionService);
  protected readonly text = ADMIN_TEXT.users;
  protected readonly columns = ADMIN_TEXT.users.columns;
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly noErrors = NO_ERRORS;
  protected readonly pageSize = 50;
  protected readonly page = signal(1);
  protected readonly search = signal('');
  protected readonly role = signal<Role | null>(null);
  protected readonly organizationId = signal<string | null>(null);
  protected readonly organizations = computed(() => treeOrder(this.reference.organizations.value() ?? []));
  protected readonly users = resource({
    params: () => ({ q: this.search(), role: this.role() ?? undefined, organizationId: this.organizationId() ?? undefined, page: this.page(), pageSize: this.pageSize }),
    loader: ({ params }) => this.api.users(params),
  });
  protected readonly creating = signal(false);
  protected readonly editing = signal<UserDto | null>(null);
  protected readonly resetting = signal<UserDto | null>(null);
  protected readonly resetErrors = signal(NO_ERRORS);
  protected readonly busy = signal(false);
  protected newPassword = '';

  protected status(field: string): 'error' | '' {
    return statusOf(this.resetErrors(), field);
  }

  protected tip(field: string): string {
    return tipOf(this.resetErrors(), field);
  }

  openReset(user: UserDto): void {
    this.newPassword = '';
    this.resetErrors.set(NO_ERRORS);
    this.resetting.set(user);
  }

  async toggle(user: UserDto): Promise<void> {
    const done = await runAction(this.busy, this.message, async () => {
      await this.api.setUserDisabled(user.id, !user.disabled);
      return user.disabled ? this.text.enabledDone(user.displayName) : this.text.disabledDone(user.displayName);
    });
    if (done) this.users.reload();
  }

  async reset(): Promise<void> {
    const user = this.resetting();
    if (!user) return;
    this.busy.set(true);
    try {
      await this.api.resetPassword(user.id, this.newPassword);
      this.message.success(this.text.passwordReset);
      this.resetting.set(null);
    } catch (error) {
      this.resetErrors.set(formErrorsOf(error, messageOf(error), ['password']));
    } finally {
      this.busy.set(false);
    }
  }
}
