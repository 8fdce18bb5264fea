import { ChangeDetectionStrategy, Component, inject, input, signal } from '@angular/core';
import { FormsModule } from '@angular/forms';
import { Router } from '@angular/router';
import { NzAlertModule } from 'ng-zorro-antd/alert';
import { NzButtonModule } from 'ng-zorro-antd/button';
import { NzFormModule } from 'ng-zorro-antd/form';
import { NzIconModule } from 'ng-zorro-antd/icon';
import { NzInputModule } from 'ng-zorro-antd/input';
import { messageOf } from '../../core/api-errors.interceptor';
import { SessionService } from '../../core/session.service';
import { APP_NAME, PATHS } from '../../paths';

@Component({
  selector: 'pm-login-page',
  imports: [FormsModule, NzFormModule, NzInputModule, NzButtonModule, NzIconModule, NzAlertModule],
  changeDetection: ChangeDetectionStrategy.OnPush,
  styles: `
    :host { display: flex; min-height: 100vh; align-items: center; justify-content: center; background: linear-gradient(160deg, #0b3c7a, #1d6fb8); }
    .card { width: 380px; background: #fff; border-radius: 8px; padding: 32px 32px 16px; box-shadow: 0 8px 30px rgba(0,0,0,.2); }
    h1 { font-size: 22px; margin: 0 0 4px; text-align: center; }
    .sub { text-align: center; color: #8c8c8c; margin-bottom: 24px; }
    button { width: 100%; }
    nz-alert { margin-bottom: 16px; }
  `,
  template: `
    <form class="card" (ngSubmit)="submit()" data-test="login-form">
      <h1>{{ appName }}</h1>
      <div class="sub">预算绩效目标申报、审核、监控与自评</div>
      @if (error()) {
        <nz-alert nzType="error" [nzMessage]="error()!" nzShowIcon data-test="login-error" />
      }
      <nz-form-item>
        <nz-form-control>
          <nz-input-group nzPrefixIcon="user">
            <input nz-input name="username" placeholder="用户名" autocomplete="username" [(ngModel)]="username" required />
          </nz-input-group>
        </nz-form-control>
      </nz-form-item>
      <nz-form-item>
        <nz-form-control>
          <nz-input-group nzPrefixIcon="lock">
            <input nz-input type="password" name="password" placeholder="密码" autocomplete="current-password" [(ngModel)]="password" required />
          </nz-input-group>
        </nz-form-control>
      </nz-form-item>
      <button nz-button nzType="primary" nzSize="large" [nzLoading]="busy()" type="submit">登 录</button>
    </form>
  `,
})
export class LoginPage {
  private readonly session = inject(SessionService);
  private readonly router = inject(Router);
  readonly returnUrl = input<string>();
  protected readonly appName = APP_NAME;
  protected username = '';
  protected password = '';
  protected readonly busy = signal(false);
  protected readonly error = signal<string | null>(null);

  async submit(): Promise<void> {
    if (!this.username || !this.password) {
      this.error.set('请输入用户名和密码');
      return;
    }
    this.busy.set(true);
    this.error.set(null);
    try {
      await this.session.login(this.username.trim(), this.password);
      const target = this.returnUrl();
      await this.router.navigateByUrl(target && target.startsWith('/') && !target.startsWith('/login') ? target : PATHS.inbox);
    } catch (error) {
      this.error.set(messageOf(error));
    } finally {
      this.busy.set(false);
    }
  }
}
