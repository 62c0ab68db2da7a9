export * from './review-document/review-document';
export { initialReview } from './review-document/review';
export type { MineName, Review } from './review-document/review';
export { evolveReview, foldReview, reviewDocument } from './review-document/review-document.fold';
export { recordedAsOf, reviewAsOf } from './review-document/review-as-of';
export type { ReviewAsOfOptions } from './review-document/review-as-of';
export { FLAG_STAGES, stageStatus } from './review-document/stages';
export { massBalanceOf } from './review-document/derived';
export * from './flags';
