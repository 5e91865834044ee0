export * from './api-client';
export * from './cart-store';
