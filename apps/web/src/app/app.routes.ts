import { Route } from '@angular/router';
import { allowed, signedIn } from './core/guards';
import { ShellComponent } from './layout/shell';
import { TITLES } from './paths';

export const appRoutes: Route[] = [
  {
    path: 'login',
    title: TITLES.login,
    loadComponent: () => import('./pages/login/login-page').then((m) => m.LoginPage),
  },
  {
    path: '',
    component: ShellComponent,
    canActivate: [signedIn],
    children: [
      { path: '', pathMatch: 'full', redirectTo: 'inbox' },
      {
        path: 'inbox',
        title: TITLES.inbox,
        canActivate: [allowed('inbox.read')],
        loadComponent: () => import('./pages/inbox/inbox-page').then((m) => m.InboxPage),
      },
      {
        path: 'projects',
        canActivate: [allowed('projects.read')],
        loadChildren: () => import('./pages/projects/projects.routes').then((m) => m.projectRoutes),
      },
      {
        path: 'department-targets',
        canActivate: [allowed('targets.review')],
        loadChildren: () => import('./pages/department-targets/department-targets.routes').then((m) => m.departmentTargetRoutes),
      },
      {
        path: 'monitoring',
        canActivate: [allowed('monitoring.read')],
        loadChildren: () => import('./pages/monitoring/monitoring.routes').then((m) => m.monitoringRoutes),
      },
      {
        path: 'self-evaluation',
        canActivate: [allowed('selfEvaluation.read')],
        loadChildren: () => import('./pages/self-evaluation/self-evaluation.routes').then((m) => m.selfEvaluationRoutes),
      },
      {
        path: 'imports',
        title: TITLES.imports,
        canActivate: [allowed('targets.import')],
        loadComponent: () => import('./pages/imports/imports-page').then((m) => m.ImportsPage),
      },
      {
        path: 'indicator-library',
        title: TITLES.library,
        canActivate: [allowed('library.curate')],
        loadComponent: () => import('./pages/library/library-page').then((m) => m.LibraryPage),
      },
      {
        path: 'audit',
        title: TITLES.audit,
        canActivate: [allowed('audit.read')],
        loadComponent: () => import('./pages/audit/audit-page').then((m) => m.AuditPage),
      },
      {
        path: 'settings',
        canActivate: [allowed('settings.manage')],
        loadChildren: () => import('./pages/settings/settings.routes').then((m) => m.settingsRoutes),
      },
      {
        path: 'admin',
        loadChildren: () => import('./pages/admin/admin.routes').then((m) => m.adminRoutes),
      },
      {
        path: 'forbidden',
        title: TITLES.forbidden,
        data: { status: 403 },
        loadComponent: () => import('./pages/errors/error-page').then((m) => m.ErrorPage),
      },
      {
        path: 'not-found',
        title: TITLES.notFound,
        data: { status: 404 },
        loadComponent: () => import('./pages/errors/error-page').then((m) => m.ErrorPage),
      },
      {
        path: '**',
        title: TITLES.notFound,
        data: { status: 404 },
        loadComponent: () => import('./pages/errors/error-page').then((m) => m.ErrorPage),
      },
    ],
  },
];
