export * from './app-links';
export * from './client';
export * from './domain/campaign';
export * from './domain/catalog';
export * from './domain/tools';
export * from './money';
export * from './schemas';
export * from './time';
