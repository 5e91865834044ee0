export { drawPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterContent, wrapText } from './poster-draw';
export { type PosterTarget, SharePoster, type SharePosterProps } from './share-poster';
