export * from './campaign-kinds';
export * from './campaign-status';
export * from './discount-percent';
