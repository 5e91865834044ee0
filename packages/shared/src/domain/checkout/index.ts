export * from './coupon';
export * from './points';
export * from './price-order';
export * from './pricing-problem';
export * from './shipping-fee';
