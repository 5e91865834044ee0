export * from './order-deadlines';
export * from './order-status';
