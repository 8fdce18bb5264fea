import { ChangeDetectionStrategy, Component, computed, inject, input, OnInit, output, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { UserDto } from '@pm/api-contract';
import { homeKindOf, ORGANIZATION_KIND_LABELS, Role, ROLE_LABELS, ROLES } from '@pm/domain';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzInputModule } from 'ng-zorro-antd/input';
import { NzMessageService } from 'ng-zorro-antd/message';
import { NzModalModule } from 'ng-zorro-antd/modal';
import { NzSelectModule } from 'ng-zorro-antd/select';
import { messageOf } from '../../core/api-errors.interceptor';
import { SessionService } from '../../core/session.service';
import { ReferenceDataService } from '../../shared/reference/reference-data.service';
import { AdminApi } from './admin.api';
import { ADMIN_TEXT } from './admin.text';
import { formErrorsOf, NO_ERRORS, statusOf, tipOf, withoutField } from './form-errors';

const FIELDS = ['username', 'displayName', 'password', 'role', 'organizationId'] as const;

/** 新增用户 or 修改用户 (姓名, 角色, 所属单位), each server problem under its field. */
@Component({
  selector: 'pm-user-form',
  imports: [FormsModule, NzAlertModule, NzFormModule, NzInputModule, NzModalModule, NzSelectModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `nz-alert { margin-bottom: 12px; }`,
  template: `
    <nz-modal [nzVisible]="true" [nzTitle]="user() ? text.editTitle(user()!.username) : text.create" (nzOnCancel)="closed.emit()" (nzOnOk)="save()" [nzOkLoading]="busy()" nzOkText="保存">
      <form *nzModalContent nz-form nzLayout="vertical" data-test="user-form">
        @if (errors().general; as general) { <nz-alert nzType="error" nzShowIcon [nzMessage]="general" data-test="user-form-error" /> }
        @if (!user()) {
          <nz-form-item><nz-form-label nzRequired nzFor="user-username">{{ text.fields.username }}</nz-form-label>
            <nz-form-control [nzValidateStatus]="status('username')" [nzErrorTip]="tip('username')" data-test="user-username">
              <input nz-input id="user-username" name="username" [(ngModel)]="draft.username" (ngModelChange)="clear('username')" autocomplete="off" /></nz-form-control></nz-form-item>
        }
        <nz-form-item><nz-form-label nzRequired nzFor="user-display-name">{{ text.fields.displayName }}</nz-form-label>
          <nz-form-control [nzValidateStatus]="status('displayName')" [nzErrorTip]="tip('displayName')" data-test="user-display-name">
            <input nz-input id="user-display-name" name="displayName" [(ngModel)]="draft.displayName" (ngModelChange)="clear('displayName')" maxlength="60" /></nz-form-control></nz-form-item>
        @if (!user()) {
          <nz-form-item><nz-form-label nzRequired nzFor="user-password">{{ text.fields.password }}</nz-form-label>
            <nz-form-control [nzValidateStatus]="status('password')" [nzErrorTip]="tip('password')" data-test="user-password">
              <input nz-input id="user-password" type="password" name="password" [(ngModel)]="draft.password" (ngModelChange)="clear('password')" autocomplete="new-password" /></nz-form-control></nz-form-item>
        }
        <nz-form-item><nz-form-label nzRequired>{{ text.fields.role }}</nz-form-label>
          <nz-form-control [nzValidateStatus]="status('role')" [nzErrorTip]="tip('role')">
            <nz-select name="role" [ngModel]="role()" (ngModelChange)="chooseRole($event)" [nzDisabled]="isSelf()" data-test="user-role">
              @for (r of roles; track r) { <nz-option [nzValue]="r" [nzLabel]="roleLabels[r]" /> }
            </nz-select></nz-form-control></nz-form-item>
        <nz-form-item><nz-form-label nzRequired>{{ text.fields.organization }}</nz-form-label>
          <nz-form-control [nzValidateStatus]="status('organizationId')" [nzErrorTip]="tip('organizationId')" [nzExtra]="text.organizationHint(kindLabel())">
            <nz-select name="organizationId" [(ngModel)]="draft.organizationId" (ngModelChange)="clear('organizationId')" nzShowSearch data-test="user-organization">
              @for (o of organizationsForRole(); track o.id) { <nz-option [nzValue]="o.id" [nzLabel]="o.name" /> }
            </nz-select></nz-form-control></nz-form-item>
      </form>
    </nz-modal>
  `,
})
export class UserForm implements OnInit {
  /** The account to edit; null for a new one. */
  readonly user = input<UserDto | null>(null);
  readonly closed = output<void>();
  readonly saved = output<UserDto>();

  private readonly api = inject(AdminApi);
  private readonly message = inject(NzMessageService);
  private readonly reference = inject(ReferenceDataService);
  private readonly session = inject(SessionService);
  protected readonly text = ADMIN_TEXT.users;
  protected readonly roles = ROLES;
  protected readonly roleLabels = ROLE_LABELS;
  protected readonly busy = signal(false);
  protected readonly errors = signal(NO_ERRORS);
  protected readonly role = signal<Role>('project_lead');
  protected draft = { username: '', displayName: '', password: '', organizationId: '' };
  protected readonly isSelf = computed(() => this.user()?.id === this.session.me()?.id);
  protected readonly kindLabel = computed(() => ORGANIZATION_KIND_LABELS[homeKindOf(this.role())]);
  protected readonly organizationsForRole = computed(() => (this.reference.organizations.value() ?? []).filter((o) => o.kind === homeKindOf(this.role())));

  ngOnInit(): void {
    const user = this.user();
    if (!user) return;
    this.role.set(user.role);
    this.draft = { username: user.username, displayName: user.displayName, password: '', organizationId: user.organizationId };
  }

  protected status(field: string): 'error' | '' {
    return statusOf(this.errors(), field);
  }

  protected tip(field: string): string {
    return tipOf(this.errors(), field);
  }

  protected clear(field: string): void {
    this.errors.set(withoutField(this.errors(), field));
  }

  protected chooseRole(role: Role): void {
    this.role.set(role);
    this.clear('role');
    if (!this.organizationsForRole().some((o) => o.id === this.draft.organizationId)) this.draft.organizationId = '';
  }

  async save(): Promise<void> {
    const user = this.user();
    this.busy.set(true);
    try {
      const saved = user
        ? await this.api.updateUser(user.id, { displayName: this.draft.displayName, organizationId: this.draft.organizationId, ...(this.isSelf() ? {} : { role: this.role() }) })
        : await this.api.createUser({ ...this.draft, role: this.role() });
      this.message.success(user ? this.text.saved : this.text.created);
      this.saved.emit(saved);
    } catch (error) {
      this.errors.set(formErrorsOf(error, messageOf(error), FIELDS));
    } finally {
      this.busy.set(false);
    }
  }
}
