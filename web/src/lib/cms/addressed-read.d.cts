export declare const ADDRESSED_READ_TAG: 'addressed';
