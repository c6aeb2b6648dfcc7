export interface Refusal {
  status: number;
  message: string;
  allow?: string;
}
export interface HeaderAccess {
  has(name: string): boolean;
  get(name: string): unknown;
  set(name: string, value: string): void;
  remove(name: string): void;
}
export declare const KNOWN_METHODS: ReadonlySet<string>;
export declare function allowedMethods(path: string): string;
export declare function screenRequest(method: string, target: string): { pass: string; refuse?: undefined } | { refuse: Refusal; pass?: undefined };
export declare function completeSecurityHeaders(headers: HeaderAccess, staticHeaders?: ReadonlyArray<{ key: string; value: string }>): void;
export declare function refusalHeaders(refusal: Partial<Refusal>): Record<string, string>;
