export * from './http-conventions.module';
export * from './configure-http';
export * from './correlation';
export * from './problem-of';
export * from './validation';
export * from './authenticated-request';
