/**
 * Request-size bookkeeping: Excel on the web refuses a request over 5 MB, so a batch is synced as soon as what is
 * queued would pass REQUEST_BUDGET. The estimate follows Office.js' JSON: an envelope per object path and per action,
 * plus the UTF-8 length of their arguments (addresses, values, note texts).
 */

/** Leaves a fifth of the 5 MB limit (and more than the 4 MB we promise) for what the estimate does not see. */
export const REQUEST_BUDGET = 3_500_000;
/** One object path ({"Id":…,"ObjectPathType":…,"Name":"getRange","ParentObjectPathId":…}) with its instantiate action. */
export const PATH_COST = 130;
/** One action: a property set, a method call or a query. */
export const ACTION_COST = 80;

/** UTF-8 length of a value serialised as JSON. */
export function jsonBytes(value: unknown): number {
  const text = typeof value === 'string' ? value : (JSON.stringify(value) ?? 'null');
  let bytes = 2;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += code === 0x22 || code === 0x5c || code < 0x20 ? 2 : 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The estimated size of `paths` object paths and `actions` actions carrying `args`. */
export function cost(paths: number, actions: number, ...args: unknown[]): number {
  return paths * PATH_COST + actions * ACTION_COST + args.reduce<number>((n, a) => n + jsonBytes(a), 0);
}

/** Counts what a batch queues and syncs before it would grow past the budget. */
export class RequestBudget {
  private queued = 0;

  constructor(
    private readonly context: Excel.RequestContext,
    private readonly limit = REQUEST_BUDGET,
  ) {}

  /** Call before queueing something of size `bytes`: syncs first when it would not fit in the current batch. */
  async reserve(bytes: number): Promise<void> {
    if (this.queued > 0 && this.queued + bytes > this.limit) await this.sync();
    this.queued += bytes;
  }

  /** Syncs what is queued (the caller's own sync points go through here so the count starts again). */
  async sync(): Promise<void> {
    this.queued = 0;
    await this.context.sync();
  }
}
