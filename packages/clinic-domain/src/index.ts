export * from './review-schedule/review-schedule';
export * from './rebrand/rebrand-window';
export * from './draft-access/draft-access';
export * from './locale/locale';
export * from './revision/revision-hash';
export * from './review-workflow/review-state';
export * from './review-workflow/review-dates';
export * from './webhook/webhook-signature';
