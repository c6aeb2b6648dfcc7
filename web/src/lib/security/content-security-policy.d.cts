type Env = Record<string, string | undefined>;
export declare function inlineScriptHashes(html: string): string[];
export declare function inlineStyleHashes(html: string): string[];
export declare function pagePolicy(options?: { scripts?: string[]; styles?: string[]; env?: Env }): string;
export declare function nonPagePolicy(): string;
export declare function policyForHtml(html: string, env?: Env): string;
export declare function httpsOnly(env?: Env): boolean;
export declare function sha256(text: string): string;
export declare function securityHeaders(env?: Env): { key: string; value: string }[];
