export * from './app-links';
