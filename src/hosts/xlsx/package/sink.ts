/**
 * A part's text written piece by piece straight into UTF-8 bytes: a big part (a sheet with 100,000 marks, the notes
 * of 20,000 schools, their VML shapes) is never one giant JS string, and never held as string and bytes at once.
 * Short pieces (a tag, a number, a school's name) are encoded by hand into the buffer, long ones by
 * TextEncoder.encodeInto: no piece is joined with others into a bigger string first, so writing makes no garbage.
 */
import { concatBytes } from './bytes';

const encoder = new TextEncoder();
/** Pieces at least this long go through encodeInto (one call costs about as much as encoding this many by hand). */
const LONG = 64;
/** The smallest first buffer. */
const MIN_BUFFER = 1 << 16;
/**
 * The first buffer is the caller's estimate (a good one means one buffer and no copy at the end; pages never written
 * to cost no memory). Beyond it bytes go on in chunks of at most this size (or one piece's worth), joined once at the
 * end: a part bigger than its estimate is never grown by copying into ever larger buffers.
 */
const CHUNK = 1 << 23;
/** A sink that hands its bytes on does so in pieces of this size. */
const PIECE = 1 << 20;
/** U+FFFD in UTF-8: what TextEncoder writes for a lone surrogate. */
const REPLACEMENT = [0xef, 0xbf, 0xbd];

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
  /** A high surrogate that ended the last piece: the next piece may start with its low half. */
  private high = 0;

  constructor(
    expectedBytes = MIN_BUFFER,
    /** Given: the bytes are handed to it piece by piece as they are made, never held whole (end() when done). */
    private readonly out?: ByteOut,
  ) {
    this.buffer = new Uint8Array(out ? PIECE : Math.max(expectedBytes, 1024));
  }

  /** For a sink with a ByteOut: hands on the last bytes. */
  end(): void {
    this.endPair();
    if (this.out && this.length > 0) this.out.write(this.buffer.subarray(0, this.length));
    this.length = 0;
  }

  write(text: string): void {
    this.put(text, false);
  }

  /**
   * write(escapeText(text)) without making the escaped text: &, < and > become entities as the bytes are encoded (a
   * note's text, where "0.85 < 标准 1" makes nearly every one need it).
   */
  writeEscaped(text: string): void {
    this.put(text, true);
  }

  /** Bytes already encoded (a constant run of ASCII markup), as they are. */
  writeBytes(bytes: Uint8Array): void {
    if (bytes.length === 0) return;
    this.endPair();
    this.room(bytes.length);
    this.buffer.set(bytes, this.length);
    this.length += bytes.length;
  }

  /** write(String(n)) for a row, column or count, its digits put straight into the buffer. */
  writeCount(n: number): void {
    if (!(n >= 0 && n <= 0x7fffffff && Number.isInteger(n))) {
      this.write(String(n));
      return;
    }
    this.endPair();
    this.room(10);
    const buf = this.buffer;
    let digits = 1;
    for (let v = n; v >= 10; v = Math.floor(v / 10)) digits++;
    let p = this.length + digits;
    this.length = p;
    let v = n;
    do {
      buf[--p] = 48 + (v % 10);
      v = Math.floor(v / 10);
    } while (v > 0);
  }

  private put(text: string, escape: boolean): void {
    const n = text.length;
    if (n === 0) return;
    let from = 0;
    if (this.high !== 0) {
      const low = text.charCodeAt(0);
      if (low >= 0xdc00 && low <= 0xdfff) {
        this.room(4);
        this.putPair(this.high, low);
        this.high = 0;
        from = 1;
      } else this.endPair();
    }
    // A high surrogate at the end waits for the next piece (TextEncoder would see the pieces joined).
    let to = n;
    if (to > from && isHigh(text.charCodeAt(n - 1))) {
      to = n - 1;
      this.high = text.charCodeAt(n - 1);
    }
    if (escape) {
      if (to > from) this.encodeShort(text, from, to, true);
    } else if (to - from >= LONG) this.encodeLong(from === 0 && to === n ? text : text.slice(from, to));
    else if (to > from) this.encodeShort(text, from, to);
  }

  /** The UTF-8 bytes written so far (may be a view of the sink's buffer: write nothing more after taking it). */
  bytes(): Uint8Array {
    if (this.out) throw new Error('TextSink: the bytes went to its ByteOut');
    this.endPair();
    if (this.chunks.length > 0) {
      const out = concatBytes([...this.chunks, this.buffer.subarray(0, this.length)]);
      this.chunks = [];
      this.chunkBytes = 0;
      this.buffer = out;
      this.length = out.length;
    }
    return this.buffer.subarray(0, this.length);
  }

  /** A high surrogate no low one followed: U+FFFD, as TextEncoder writes it. */
  private endPair(): void {
    if (this.high === 0) return;
    this.high = 0;
    this.room(3);
    for (const b of REPLACEMENT) this.buffer[this.length++] = b;
  }

  private putPair(high: number, low: number): void {
    const cp = 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
    const buf = this.buffer;
    let p = this.length;
    buf[p++] = 0xf0 | (cp >> 18);
    buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
    buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
    buf[p++] = 0x80 | (cp & 0x3f);
    this.length = p;
  }

  /**
   * text[from, to) encoded by hand: at most 3 bytes per code unit (a pair, two units, takes 4); with `escape`, &, <
   * and > as entities (at most 5 bytes per unit: &amp;).
   */
  private encodeShort(text: string, from: number, to: number, escape = false): void {
    this.room((escape ? 5 : 3) * (to - from));
    const buf = this.buffer;
    let p = this.length;
    for (let i = from; i < to; i++) {
      const c = text.charCodeAt(i);
      if (c < 0x80) {
        if (!escape || (c !== 0x26 && c !== 0x3c && c !== 0x3e)) buf[p++] = c;
        else if (c === 0x26 /* & */) {
          buf[p++] = 0x26;
          buf[p++] = 0x61;
          buf[p++] = 0x6d;
          buf[p++] = 0x70;
          buf[p++] = 0x3b;
        } else {
          // &lt; or &gt;
          buf[p++] = 0x26;
          buf[p++] = c === 0x3c ? 0x6c : 0x67;
          buf[p++] = 0x74;
          buf[p++] = 0x3b;
        }
      } else if (c < 0x800) {
        buf[p++] = 0xc0 | (c >> 6);
        buf[p++] = 0x80 | (c & 0x3f);
      } else if (c >= 0xd800 && c <= 0xdfff) {
        const d = i + 1 < to ? text.charCodeAt(i + 1) : 0;
        if (c <= 0xdbff && d >= 0xdc00 && d <= 0xdfff) {
          this.length = p;
          this.putPair(c, d);
          p = this.length;
          i++;
        } else {
          buf[p++] = 0xef;
          buf[p++] = 0xbf;
          buf[p++] = 0xbd;
        }
      } else {
        buf[p++] = 0xe0 | (c >> 12);
        buf[p++] = 0x80 | ((c >> 6) & 0x3f);
        buf[p++] = 0x80 | (c & 0x3f);
      }
    }
    this.length = p;
  }

  private encodeLong(text: string): void {
    for (;;) {
      // encodeInto writes whole characters only: what did not fit goes on in a new chunk.
      const { read, written } = encoder.encodeInto(text, this.buffer.subarray(this.length));
      this.length += written;
      if (read >= text.length) return;
      text = text.slice(read);
      this.spill(Math.min(text.length * 3, CHUNK), false);
    }
  }

  /** Makes room for `bytes` more bytes in the buffer. */
  private room(bytes: number): void {
    if (this.length + bytes > this.buffer.length) this.spill(bytes, true);
  }

  /**
   * Hands on or keeps the filled buffer and goes on in an empty one: of at least `bytes` when `needed` (a piece
   * encoded by hand), else sized as usual (encodeInto fills any room it is given).
   */
  private spill(bytes: number, needed: boolean): void {
    if (this.out) {
      if (this.length > 0) this.out.write(this.buffer.subarray(0, this.length));
      this.length = 0;
      if (needed && bytes > this.buffer.length) this.buffer = new Uint8Array(bytes);
      return;
    }
    if (this.length > 0) {
      this.chunks.push(this.buffer.subarray(0, this.length));
      this.chunkBytes += this.length;
    }
    // A UTF-16 code unit takes at most 3 bytes in UTF-8 (a surrogate pair, two units, takes 4).
    const size = Math.max(bytes, Math.min(CHUNK, Math.max(MIN_BUFFER, this.chunkBytes)));
    this.buffer = new Uint8Array(size);
    this.length = 0;
  }
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;

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
