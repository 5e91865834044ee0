export * from './group-buy-rules';
