export * from './keyword';
