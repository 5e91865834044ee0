export * from './coupon';
export * from './coupon-text';
export * from './points';
export * from './price-order';
export * from './pricing-problem';
export * from './shipping-fee';
