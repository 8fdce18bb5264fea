import { Route } from '@angular/router';
import { TITLES } from '../../paths';

export const selfEvaluationRoutes: Route[] = [
  { path: '', title: TITLES.selfEvaluation, loadComponent: () => import('./self-evaluations-page').then((m) => m.SelfEvaluationsPage) },
  { path: 'results', title: TITLES.selfEvaluationResults, loadComponent: () => import('./results/results-page').then((m) => m.SelfEvaluationResultsPage) },
  { path: 'department', title: TITLES.departmentSelfEvaluations, loadComponent: () => import('./department/department-self-evaluations-page').then((m) => m.DepartmentSelfEvaluationsPage) },
  { path: 'department/:departmentId/:year', title: TITLES.departmentSelfEvaluation, loadComponent: () => import('./department/department-self-evaluation-page').then((m) => m.DepartmentSelfEvaluationPage) },
  { path: ':id', title: TITLES.selfEvaluationForm, loadComponent: () => import('./evaluation-page').then((m) => m.SelfEvaluationPage) },
];
