export * from './size-advisor';
export * from './skin-test';
