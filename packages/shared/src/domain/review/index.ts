export * from './review-rules';
