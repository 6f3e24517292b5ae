export * from './region';
export * from './users';
export * from './auth';
export * from './mail';
export * from './audit';
export * from './agenda-items';
export * from './item-documents';
