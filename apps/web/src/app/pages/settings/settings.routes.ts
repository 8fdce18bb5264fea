import { Route } from '@angular/router';
import { TITLES } from '../../paths';

export const settingsRoutes: Route[] = [{ path: '', title: TITLES.settings, loadComponent: () => import('./settings-page').then((m) => m.SettingsPage) }];
