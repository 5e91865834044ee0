export * from './subscribe-rules';
