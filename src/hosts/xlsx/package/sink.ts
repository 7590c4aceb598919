/**
 * A part's text written piece by piece straight into UTF-8 bytes: a big part (a sheet with 100,000 marks, the notes
 * of 20,000 schools, their VML shapes) is never one giant JS string, and never held as string and bytes at once.
 */
const encoder = new TextEncoder();
/** Pieces are joined and encoded in batches of about this many characters (one encodeInto call per piece is slow). */
const BATCH = 1 << 16;
/**
 * The first buffer is the caller's estimate (a good one means one buffer and no copy at the end; pages never written
 * to cost no memory). Beyond it bytes go on in chunks of at most this size (or one piece's worth), joined once at the
 * end: a part bigger than its estimate is never grown by copying into ever larger buffers.
 */
const CHUNK = 1 << 23;
/** A sink that hands its bytes on does so in pieces of this size. */
const PIECE = 1 << 20;

/** Where a streaming sink's bytes go: `write` must not keep the array it is given (the sink reuses it). */
export interface ByteOut {
  write(bytes: Uint8Array): void;
}

export class TextSink {
  /** Filled chunks, each trimmed to its bytes. */
  private chunks: Uint8Array[] = [];
  private chunkBytes = 0;
  private buffer: Uint8Array;
  private length = 0;
  private pending: string[] = [];
  private pendingChars = 0;

  constructor(
    expectedBytes = BATCH,
    /** Given: the bytes are handed to it piece by piece as they are made, never held whole (end() when done). */
    private readonly out?: ByteOut,
  ) {
    this.buffer = new Uint8Array(out ? PIECE : Math.max(expectedBytes, 1024));
  }

  /** For a sink with a ByteOut: hands on the last bytes. */
  end(): void {
    this.flush();
    if (this.out && this.length > 0) this.out.write(this.buffer.subarray(0, this.length));
    this.length = 0;
  }

  write(text: string): void {
    if (text.length === 0) return;
    this.pending.push(text);
    this.pendingChars += text.length;
    if (this.pendingChars >= BATCH) this.flush();
  }

  /** The UTF-8 bytes written so far (may be a view of the sink's buffer: write nothing more after taking it). */
  bytes(): Uint8Array {
    if (this.out) throw new Error('TextSink: the bytes went to its ByteOut');
    this.flush();
    if (this.chunks.length > 0) {
      const out = new Uint8Array(this.chunkBytes + this.length);
      let at = 0;
      for (const chunk of this.chunks) {
        out.set(chunk, at);
        at += chunk.length;
      }
      out.set(this.buffer.subarray(0, this.length), at);
      this.chunks = [];
      this.chunkBytes = 0;
      this.buffer = out;
      this.length = out.length;
    }
    return this.buffer.subarray(0, this.length);
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    let text = this.pending.length === 1 ? this.pending[0] : this.pending.join('');
    this.pending = [];
    this.pendingChars = 0;
    for (;;) {
      // encodeInto writes whole characters only: what did not fit goes on in a new chunk.
      const { read, written } = encoder.encodeInto(text, this.buffer.subarray(this.length));
      this.length += written;
      if (read >= text.length) return;
      text = text.slice(read);
      if (this.out) {
        this.out.write(this.buffer.subarray(0, this.length));
        this.length = 0;
        continue;
      }
      this.chunks.push(this.buffer.subarray(0, this.length));
      this.chunkBytes += this.length;
      // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4).
      const size = Math.max(text.length * 3, Math.min(CHUNK, Math.max(BATCH, this.chunkBytes)));
      this.buffer = new Uint8Array(size);
      this.length = 0;
    }
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
