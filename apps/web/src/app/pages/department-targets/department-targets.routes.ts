import { Route } from '@angular/router';
import { TITLES } from '../../paths';

export const departmentTargetRoutes: Route[] = [
  { path: '', title: TITLES.departmentTargets, loadComponent: () => import('./department-targets-page').then((m) => m.DepartmentTargetsPage) },
  { path: ':departmentId/:year', title: TITLES.departmentTarget, loadComponent: () => import('./department-target-page').then((m) => m.DepartmentTargetPage) },
];
