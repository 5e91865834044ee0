export * from './app-links';
export * from './client';
export * from './money';
export * from './schemas';
