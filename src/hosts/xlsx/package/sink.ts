/**
 * A part's text written piece by piece straight into UTF-8 bytes: a big part (a sheet with 100,000 marks, the notes
 * of 20,000 schools, their VML shapes) is never one giant JS string, and never held as string and bytes at once.
 */
const encoder = new TextEncoder();
/** Pieces are joined and encoded in batches of about this many characters (one encodeInto call per piece is slow). */
const BATCH = 1 << 16;

export class TextSink {
  private buffer: Uint8Array;
  private length = 0;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(expectedBytes = BATCH) {
    this.buffer = new Uint8Array(Math.max(expectedBytes, 1024));
  }

  write(text: string): void {
    if (text.length === 0) return;
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= BATCH) this.flush();
  }

  /** The UTF-8 bytes written so far (a view of the sink's buffer: write nothing more after taking it). */
  bytes(): Uint8Array {
    this.flush();
    return this.buffer.subarray(0, this.length);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    const text = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4).
    const needed = this.length + text.length * 3;
    if (needed > this.buffer.length) {
      const grown = new Uint8Array(Math.max(needed, Math.floor(this.buffer.length * 1.5)));
      grown.set(this.buffer.subarray(0, this.length));
      this.buffer = grown;
    }
    this.length += encoder.encodeInto(text, this.buffer.subarray(this.length)).written;
  }
}

export interface TextEdit {
  start: number;
  end: number;
  /** The new text, or a function writing it into the sink when its turn comes (nothing big is built beforehand). */
  text: string | ((sink: TextSink) => void);
}

/**
 * Writes `text` with the edits applied (sorted by position; edits at one position keep their order) into the sink,
 * as `splice` would return it: the unchanged runs are sliced from the original, never copied into a new whole string.
 */
export function spliceInto(sink: TextSink, text: string, edits: readonly TextEdit[]): void {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let at = 0;
  for (const e of sorted) {
    if (e.start > at) sink.write(text.slice(at, e.start));
    if (typeof e.text === 'string') sink.write(e.text);
    else e.text(sink);
    at = e.end;
  }
  if (at < text.length) sink.write(text.slice(at));
}
