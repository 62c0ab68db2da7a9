export * from './auth/roles';
export * from './http/command-context';
export * from './http/command-response';
export * from './config/app-config';
