export * from './lib/errors';
export * from './lib/auth';
export * from './lib/organizations';
export * from './lib/users';
export * from './lib/fiscal-years';
export * from './lib/projects';
export * from './lib/health';
export * from './lib/targets';
