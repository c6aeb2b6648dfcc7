import type { ServerResponse } from 'node:http';

export interface PageSource {
  handler: { get(key: string, ctx: unknown): Promise<unknown> };
  key: string;
  ctx: unknown;
  entry: unknown;
}
/** web/server.mjs's response: the page memory reads its mode and fills `captured`. */
export type CapturingResponse = ServerResponse & { mode: string | null; captured: { chunks: Buffer[]; bytes: number } | null };
export interface PageMemory {
  readonly size: number;
  readonly bytes: number;
  answer(key: string, res: ServerResponse): Promise<boolean>;
  capture<T>(key: string, res: CapturingResponse, handle: () => T): T;
  forget(key: string): void;
}
export declare const TRACE_HEADER: 'x-clinic-page-memory';
export declare const PLAIN_REQUEST_HEADERS: ReadonlySet<string>;
export declare function createPageMemory(options?: { maxBytes?: number; trace?: boolean; now?: () => number }): PageMemory;
export declare function keepChunk(res: CapturingResponse, chunk: unknown, encoding?: unknown): void;
export declare function headWritten(res: CapturingResponse): void;
export declare function rememberableKey(method: string, url: string, headers: Record<string, string | string[] | undefined>, page: unknown): string | null;
export declare function reportServedPage(handler: PageSource['handler'], key: string, ctx: unknown, entry: unknown): void;
