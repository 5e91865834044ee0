export * from './address';
export * from './auth';
export * from './campaign';
export * from './cart';
export * from './catalog';
export * from './common';
export * from './error-codes';
