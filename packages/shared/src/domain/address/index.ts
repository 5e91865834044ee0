export * from './address-form';
