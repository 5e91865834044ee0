export * from './after-sale-rules';
