export * from './binding';
export * from './commission';
export * from './schemas';
export * from './settlement';
export * from './share-link';
export * from './withdrawal-schemas';
