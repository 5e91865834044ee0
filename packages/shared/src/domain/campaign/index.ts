export * from './campaign-status';
export * from './discount-percent';
