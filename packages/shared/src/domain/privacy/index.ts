export * from './privacy-policy';
export * from './privacy-version';
