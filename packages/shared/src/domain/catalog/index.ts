export * from './spec-select';
