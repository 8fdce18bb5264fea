import { Route } from '@angular/router';
import { allowed } from '../../core/guards';
import { TITLES } from '../../paths';

export const adminRoutes: Route[] = [
  {
    path: 'organizations',
    title: TITLES.organizations,
    canActivate: [allowed('organizations.manage')],
    loadComponent: () => import('./organizations-page').then((m) => m.OrganizationsPage),
  },
  {
    path: 'users',
    title: TITLES.users,
    canActivate: [allowed('users.manage')],
    loadComponent: () => import('./users-page').then((m) => m.UsersPage),
  },
  {
    path: 'fiscal-years',
    title: TITLES.fiscalYears,
    canActivate: [allowed('fiscalYears.manage')],
    loadComponent: () => import('./fiscal-years-page').then((m) => m.FiscalYearsPage),
  },
];
