import { ChangeDetectionStrategy, Component, computed, inject, resource } from '@angular/core';
import { Router, RouterLink, RouterOutlet } from '@angular/router';
import { Action } from '@pm/domain';
import { NzBadgeModule } from 'ng-zorro-antd/badge';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzLayoutModule } from 'ng-zorro-antd/layout';
import { NzMenuModule } from 'ng-zorro-antd/menu';
import { NzTagModule } from 'ng-zorro-antd/tag';
import { SessionService } from '../core/session.service';
import { InboxRefresh } from '../core/inbox-refresh';
import { InboxApi } from '../pages/inbox/inbox.api';
import { APP_NAME, PATHS } from '../paths';

interface MenuItem {
  label: string;
  icon: string;
  path: string;
  action: Action;
}

const MENU: MenuItem[] = [
  { label: '待办', icon: 'bell', path: PATHS.inbox, action: 'inbox.read' },
  { label: '项目', icon: 'project', path: PATHS.projects, action: 'projects.read' },
  { label: '绩效运行监控', icon: 'alert', path: PATHS.monitoring, action: 'monitoring.read' },
  { label: '绩效自评', icon: 'audit', path: PATHS.selfEvaluation, action: 'selfEvaluation.read' },
  { label: '导入目标表', icon: 'upload', path: PATHS.imports, action: 'targets.import' },
  { label: '部门整体目标', icon: 'bank', path: PATHS.departmentTargets, action: 'targets.review' },
  { label: '指标库', icon: 'database', path: PATHS.library, action: 'library.curate' },
  { label: '变更记录', icon: 'history', path: PATHS.audit, action: 'audit.read' },
  { label: '评分参数', icon: 'setting', path: PATHS.settings, action: 'settings.manage' },
  { label: '单位管理', icon: 'apartment', path: PATHS.organizations, action: 'organizations.manage' },
  { label: '用户管理', icon: 'team', path: PATHS.users, action: 'users.manage' },
  { label: '预算年度', icon: 'calendar', path: PATHS.fiscalYears, action: 'fiscalYears.manage' },
];

@Component({
  selector: 'pm-shell',
  imports: [RouterOutlet, RouterLink, NzLayoutModule, NzMenuModule, NzIconModule, NzTagModule, NzButtonModule, NzBadgeModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: block; height: 100vh; }
    nz-layout { height: 100%; }
    .brand { height: 56px; display: flex; align-items: center; padding: 0 20px; color: #fff; font-size: 17px; font-weight: 600; letter-spacing: 1px; }
    nz-header { background: #fff; padding: 0 20px; display: flex; align-items: center; justify-content: flex-end; gap: 12px; height: 56px; line-height: 56px; border-bottom: 1px solid #f0f0f0; }
    .who { display: flex; align-items: center; gap: 8px; }
    .org { color: #595959; }
    .logout { padding: 0 4px; }
    nz-content { padding: 16px 20px; overflow: auto; background: #f5f6f8; }
  `,
  template: `
    <nz-layout>
      <nz-sider nzWidth="200px">
        <div class="brand">{{ appName }}</div>
        <ul nz-menu nzTheme="dark" nzMode="inline">
          @for (item of menu(); track item.path) {
            <li nz-menu-item nzMatchRouter>
              <a [routerLink]="item.path"><nz-icon [nzType]="item.icon" />&nbsp;{{ item.label }}
                @if (item.path === inboxPath && inboxCount()) { <nz-badge nzStandalone [nzCount]="inboxCount()" data-test="inbox-badge" /> }
              </a>
            </li>
          }
        </ul>
      </nz-sider>
      <nz-layout>
        <nz-header>
          @if (session.me(); as me) {
            <span class="who" data-test="current-user">
              <nz-icon nzType="user" />
              <strong>{{ me.displayName }}</strong>
              <nz-tag nzColor="blue">{{ session.roleLabel() }}</nz-tag>
              <span class="org">{{ me.organizationName }}</span>
            </span>
            <button nz-button nzType="link" class="logout" (click)="logout()" data-test="logout"><nz-icon nzType="logout" />退出</button>
          }
        </nz-header>
        <nz-content>
          <router-outlet />
        </nz-content>
      </nz-layout>
    </nz-layout>
  `,
})
export class ShellComponent {
  protected readonly session = inject(SessionService);
  private readonly router = inject(Router);
  private readonly inboxApi = inject(InboxApi);
  private readonly refresh = inject(InboxRefresh);
  protected readonly appName = APP_NAME;
  protected readonly inboxPath = PATHS.inbox;
  private readonly inbox = resource({ params: () => (this.session.me() ? { user: this.session.me()?.id, changes: this.refresh.changes() } : undefined), loader: () => this.inboxApi.list(1, 1) });
  protected readonly inboxCount = computed(() => this.inbox.value()?.total ?? 0);
  protected readonly menu = computed(() => {
    this.session.me();
    return MENU.filter((item) => this.session.can(item.action));
  });

  async logout(): Promise<void> {
    await this.session.logout();
    await this.router.navigate([PATHS.login]);
  }
}
