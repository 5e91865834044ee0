export * from './flash-sale-rules';
