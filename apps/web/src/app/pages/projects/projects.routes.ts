import { Route } from '@angular/router';
import { TITLES } from '../../paths';

export const projectRoutes: Route[] = [
  { path: '', title: TITLES.projects, loadComponent: () => import('./projects-page').then((m) => m.ProjectsPage) },
  { path: ':id', title: TITLES.project, loadComponent: () => import('./project-page').then((m) => m.ProjectPage) },
  { path: ':id/target-sheet', title: TITLES.targetSheet, loadComponent: () => import('../targets/target-sheet-page').then((m) => m.TargetSheetPage) },
];
