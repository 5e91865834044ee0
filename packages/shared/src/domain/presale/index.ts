export * from './presale-rules';
