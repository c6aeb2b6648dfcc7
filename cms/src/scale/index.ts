export { FULL_SCALE, SCALE_LOCALES, SCALE_MARK, countScaleDocuments, ensureScaleLocales, generateScaleContent, type ScaleSize } from './scale-content';
