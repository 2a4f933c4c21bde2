import type { FaultKind } from './faults.js';

/**
 * One request a sandbox received, as the connector sent it. Headers are kept verbatim, secrets
 * included: tests assert on the auth headers a connector sends, and the log never leaves the test.
 * Only the most recent entries keep their body and headers (see {@link RequestLogOptions}): a
 * sync of 100k orders would otherwise keep every body it ever sent.
 */
export interface RequestLogEntry {
  /** 1, 2, 3… in arrival order; never reused, even after `clear()`. */
  readonly seq: number;
  /** Arrival time on the sandbox clock (epoch ms), so tests can relate it to calendar moves. */
  readonly at: number;
  /** Upper-case HTTP method. */
  readonly method: string;
  /** The full URL as sent. */
  readonly url: string;
  readonly path: string;
  readonly query: URLSearchParams;
  /** The headers as sent; empty once the entry is {@link RequestLogEntry.trimmed}. */
  readonly headers: Headers;
  /** The body as text; `''` when there was none, and once the entry is {@link RequestLogEntry.trimmed}. */
  readonly bodyText: string;
  /** The body's size in UTF-8 bytes, kept after the body itself is dropped. */
  readonly bodyBytes: number;
  /** True once the log dropped this entry's body and headers, being older than its detail limit. */
  readonly trimmed: boolean;
  /** The name the sandbox route gave this endpoint (`searchOrder`, `getOrders`…). */
  readonly operation: string;
  /**
   * Status of the answer: `null` while the request is being handled, `0` for a simulated network
   * error (the status a fetch `Response.error()` has).
   */
  readonly status: number | null;
  /** The kind of the injected fault that shaped this answer, or `null` for an untouched one. */
  readonly fault: FaultKind | null;
}

/** The fields a sandbox supplies when a request arrives; the log adds `seq`, `status`, `fault` and the body's size. */
export type RequestArrival = Omit<RequestLogEntry, 'seq' | 'status' | 'fault' | 'bodyBytes' | 'trimmed'>;

/** Options of {@link createRequestLog}. */
export interface RequestLogOptions {
  /**
   * How many of the most recent entries keep their body and headers; older ones keep everything
   * else (method, URL, query, operation, status, fault, body size). Default
   * {@link DEFAULT_REQUEST_DETAIL_LIMIT}; `Infinity` keeps every body.
   */
  readonly detailLimit?: number;
}

/**
 * Entries whose body and headers a log keeps by default: far more than any behaviour test sends,
 * far fewer than a sync of 100k orders does (Yahoo's log held 64 MB of bodies at 10k orders).
 */
export const DEFAULT_REQUEST_DETAIL_LIMIT = 1000;

/**
 * The headers of every trimmed entry: one shared empty instance, so that a trimmed entry costs no
 * allocation. Never mutated by the log; tests only read headers.
 */
const TRIMMED_HEADERS = new Headers();

/** Matches entries whose fields equal every given value. */
export interface RequestLogQuery {
  readonly operation?: string;
  readonly method?: string;
  readonly path?: string;
  readonly status?: number | null;
  readonly fault?: FaultKind | null;
}

/** A predicate, or fields to match. */
export type RequestLogFilter = RequestLogQuery | ((entry: RequestLogEntry) => boolean);

type MutableEntry = { -readonly [K in keyof RequestLogEntry]: RequestLogEntry[K] };

function matches(entry: RequestLogEntry, filter: RequestLogFilter | undefined): boolean {
  if (filter === undefined) return true;
  if (typeof filter === 'function') return filter(entry);
  return (Object.keys(filter) as (keyof RequestLogQuery)[]).every((key) => {
    const wanted = filter[key];
    // `{ method: 'get' }` should match: methods are compared case-insensitively.
    if (key === 'method' && typeof wanted === 'string') return entry.method === wanted.toUpperCase();
    return wanted === undefined || entry[key] === wanted;
  });
}

function trim(entry: MutableEntry): void {
  entry.bodyText = '';
  entry.headers = TRIMMED_HEADERS;
  entry.trimmed = true;
}

/**
 * Everything a sandbox received, in arrival order. Tests read it to check what a connector sent
 * (pagination, batch sizes, retries, headers) without reaching into the connector.
 */
export class RequestLog {
  #entries: MutableEntry[] = [];
  #seq = 0;
  readonly #detailLimit: number;

  /** Creates an empty log; see {@link RequestLogOptions}. */
  constructor(options: RequestLogOptions = {}) {
    const limit = options.detailLimit ?? DEFAULT_REQUEST_DETAIL_LIMIT;
    if (!(limit >= 0 && (Number.isInteger(limit) || limit === Number.POSITIVE_INFINITY))) throw new RangeError(`RequestLog: detailLimit must be a whole number >= 0 or Infinity, got ${limit}`);
    this.#detailLimit = limit;
  }

  /** How many of the most recent entries keep their body and headers. */
  get detailLimit(): number {
    return this.#detailLimit;
  }

  /** Every entry since the last `clear()`, oldest first (a copy: the log can grow meanwhile). */
  get entries(): readonly RequestLogEntry[] {
    return [...this.#entries];
  }

  /** Records an arrival and returns its entry, whose status stays `null` until {@link RequestLog.settle}. */
  record(arrival: RequestArrival): RequestLogEntry {
    this.#seq += 1;
    const entry: MutableEntry = { ...arrival, bodyBytes: Buffer.byteLength(arrival.bodyText, 'utf8'), trimmed: false, seq: this.#seq, status: null, fault: null };
    this.#entries.push(entry);
    // Each arrival pushes exactly one entry past the limit, so trimming that one keeps the bound.
    const aged = this.#entries[this.#entries.length - 1 - this.#detailLimit];
    if (aged !== undefined && !aged.trimmed) trim(aged);
    return entry;
  }

  /** Fills in the answer's status (and the fault that shaped it) once the sandbox has answered. */
  settle(entry: RequestLogEntry, status: number, fault: FaultKind | null = null): void {
    // Look the entry up rather than trust the caller's object: only the log's own entries change.
    const own = this.#entries.findLast((candidate) => candidate.seq === entry.seq);
    if (own === undefined) return; // cleared in the meantime
    own.status = status;
    own.fault = fault;
  }

  /** How many entries match; all of them without a filter. */
  count(filter?: RequestLogFilter): number {
    return this.#entries.reduce((n, entry) => (matches(entry, filter) ? n + 1 : n), 0);
  }

  /** Entries matching a filter, oldest first. */
  filter(filter: RequestLogFilter): RequestLogEntry[] {
    return this.#entries.filter((entry) => matches(entry, filter));
  }

  /** Entries of one operation, oldest first. */
  forOperation(operation: string): RequestLogEntry[] {
    return this.filter({ operation });
  }

  /** The most recent entry, optionally of one operation. */
  last(operation?: string): RequestLogEntry | undefined {
    const list = operation === undefined ? this.#entries : this.forOperation(operation);
    return list[list.length - 1];
  }

  /** Forgets every entry. Sequence numbers keep counting so that old and new entries never collide. */
  clear(): void {
    this.#entries = [];
  }
}

/** Creates an empty request log. */
export function createRequestLog(options: RequestLogOptions = {}): RequestLog {
  return new RequestLog(options);
}
