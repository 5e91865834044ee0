export * from './lottery-rules';
