import { Route } from '@angular/router';
import { TITLES } from '../../paths';

export const monitoringRoutes: Route[] = [
  { path: '', title: TITLES.monitoring, loadComponent: () => import('./rounds-page').then((m) => m.MonitoringRoundsPage) },
  { path: 'reports/:id', title: TITLES.monitoringReport, loadComponent: () => import('./report-page').then((m) => m.MonitoringReportPage) },
  { path: ':id', title: TITLES.monitoringRound, loadComponent: () => import('./round-page').then((m) => m.MonitoringRoundPage) },
];
