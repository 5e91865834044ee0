export * from './bargain-rules';
