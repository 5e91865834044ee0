export * from './check-compliance';
export * from './compliance-rules';
