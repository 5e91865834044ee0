export * from './fen';
