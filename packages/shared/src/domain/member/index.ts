export * from './member-level';
