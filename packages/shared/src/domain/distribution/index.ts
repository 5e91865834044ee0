export * from './binding';
export * from './commission';
export * from './schemas';
export * from './share-link';
