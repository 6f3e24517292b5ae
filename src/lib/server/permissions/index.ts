export * from './actions';
export * from './policy';
export * from './errors';
export * from './rooms';
