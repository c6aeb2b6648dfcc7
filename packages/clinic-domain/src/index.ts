export * from './review-schedule/review-schedule';
export * from './rebrand/rebrand-window';
export * from './draft-access/draft-access';
export * from './locale/locale';
