export declare const UNKNOWN_START_MS: number;
export declare function asRequest<T>(handle: () => T): T;
export declare function workStartedAt(now?: number): number;
