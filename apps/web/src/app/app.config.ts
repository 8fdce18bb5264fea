import { registerLocaleData } from '@angular/common';
import { provideHttpClient, withInterceptors } from '@angular/common/http';
import zh from '@angular/common/locales/zh';
import { ApplicationConfig, LOCALE_ID, provideBrowserGlobalErrorListeners, provideZonelessChangeDetection } from '@angular/core';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import {
  AlertOutline,
  ApartmentOutline,
  AuditOutline,
  BankOutline,
  BellOutline,
  CalendarOutline,
  CheckOutline,
  DatabaseOutline,
  HistoryOutline,
  LockOutline,
  LogoutOutline,
  PlusOutline,
  ProjectOutline,
  SearchOutline,
  SettingOutline,
  TeamOutline,
  UploadOutline,
  UserOutline,
} from '@ant-design/icons-angular/icons';
import { provideNzI18n, zh_CN } from 'ng-zorro-antd/i18n';
import { provideNzIcons } from 'ng-zorro-antd/icon';
import { appRoutes } from './app.routes';
import { apiErrorsInterceptor } from './core/api-errors.interceptor';
import { inboxRefreshInterceptor } from './core/inbox-refresh';

registerLocaleData(zh);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideZonelessChangeDetection(),
    provideRouter(appRoutes, withComponentInputBinding()),
    provideHttpClient(withInterceptors([apiErrorsInterceptor, inboxRefreshInterceptor])),
    provideNzI18n(zh_CN),
    provideNzIcons([
      AlertOutline,
      ApartmentOutline,
      AuditOutline,
      BankOutline,
      BellOutline,
      CalendarOutline,
      CheckOutline,
      DatabaseOutline,
      HistoryOutline,
      LockOutline,
      LogoutOutline,
      PlusOutline,
      ProjectOutline,
      SearchOutline,
      SettingOutline,
      TeamOutline,
      UploadOutline,
      UserOutline,
    ]),
    { provide: LOCALE_ID, useValue: 'zh-CN' },
  ],
};
