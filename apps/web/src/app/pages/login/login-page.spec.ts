import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { provideRouter, Router } from '@angular/router';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { LockOutline, UserOutline } from '@ant-design/icons-angular/icons';
import { LoginPage } from './login-page';

describe('login page', () => {
  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [LoginPage],
      providers: [provideHttpClient(), provideHttpClientTesting(), provideRouter([]), provideNzI18n(zh_CN), provideNzIcons([UserOutline, LockOutline])],
    });
  });

  it('asks for both fields before calling the API', async () => {
    const fixture = TestBed.createComponent(LoginPage);
    fixture.detectChanges();
    await fixture.componentInstance.submit();
    fixture.detectChanges();
    expect(fixture.nativeElement.textContent).toContain('请输入用户名和密码');
    TestBed.inject(HttpTestingController).verify();
  });

  it('shows the API’s Chinese message when sign-in fails', async () => {
    const fixture = TestBed.createComponent(LoginPage);
    const page = fixture.componentInstance as unknown as { username: string; password: string; submit(): Promise<void> };
    page.username = 'zfb.lead';
    page.password = 'wrong';
    const done = page.submit();
    const http = TestBed.inject(HttpTestingController);
    http.expectOne('/api/auth/login').flush({ message: '用户名或密码错误', errors: [] }, { status: 401, statusText: 'Unauthorized' });
    await done;
    fixture.detectChanges();
    expect(fixture.nativeElement.textContent).toContain('用户名或密码错误');
    expect(TestBed.inject(Router).url).toBe('/');
  });
});
