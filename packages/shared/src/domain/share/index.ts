export * from './share-payload';
export * from './share-stats';
export * from './wxacode-scene';
