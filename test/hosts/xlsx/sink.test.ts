// The text sink writes exactly what TextEncoder makes of the whole text, however the pieces fall across its chunks.
import { inflateRawSync } from 'node:zlib';
import { useNodeZlib } from '../../../src/cli/zipCodec';
import { TextSink } from '../../../src/hosts/xlsx/package/sink';
import { escapeText } from '../../../src/hosts/xlsx/package/xml';
import { deflateEntry, EntryWriter, inflateEntry, useZipCodec } from '../../../src/hosts/xlsx/package/zip';
import { mulberry32 as rng } from '../../support/random';

const ALPHABET = ['a', '<c r="A1"/>', '学校', '㎡', '😀', '𠮷', '\n', '&amp;', 'é', ' '];

describe('TextSink', () => {
  test('ASCII, CJK and surrogate pairs give TextEncoder’s bytes for every chunking', () => {
    const rnd = rng(5);
    for (const expected of [0, 1, 1024, 3000, 1 << 20]) {
      for (let t = 0; t < 4; t++) {
        const sink = new TextSink(expected);
        const pieces: string[] = [];
        const count = Math.floor(rnd() * 3000);
        for (let i = 0; i < count; i++) {
          let piece = '';
          for (let k = Math.floor(rnd() * 40); k > 0; k--)
            piece += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
          // Now and then a piece longer than a batch (64 K characters).
          if (rnd() < 0.01) piece = piece.repeat(2000 + Math.floor(rnd() * 3)) + '😀';
          pieces.push(piece);
          sink.write(piece);
        }
        const want = new TextEncoder().encode(pieces.join(''));
        const got = sink.bytes();
        expect(got.length).toBe(want.length);
        expect(Buffer.from(got).equals(Buffer.from(want))).toBe(true);
        // Taking the bytes twice gives them again.
        expect(Buffer.from(sink.bytes()).equals(Buffer.from(want))).toBe(true);
      }
    }
  });

  test('a part bigger than a chunk (8 MB) comes out whole', () => {
    const sink = new TextSink(1024);
    const row = '<row r="1"><c r="A1" t="inlineStr"><is><t>第一小学😀</t></is></c></row>';
    const times = Math.ceil((20 << 20) / row.length);
    for (let i = 0; i < times; i++) sink.write(row);
    const want = new TextEncoder().encode(row.repeat(times));
    expect(Buffer.from(sink.bytes()).equals(Buffer.from(want))).toBe(true);
  });

  test('pieces cut anywhere, between the halves of a pair or at lone surrogates, give TextEncoder’s bytes of the whole', () => {
    const rnd = rng(17);
    const UNITS = ['a', '<', 'é', '学', '\ud83d', '\ude00', '\ud842', '\udfb7', '\uffff', '\u0800', '\u07ff'];
    for (let t = 0; t < 300; t++) {
      let text = '';
      for (let k = Math.floor(rnd() * 300); k > 0; k--) text += UNITS[Math.floor(rnd() * UNITS.length)];
      // Now and then a long run, so that both the hand encoder and encodeInto see cut pairs.
      if (rnd() < 0.3) text += '😀学'.repeat(40 + Math.floor(rnd() * 40)) + '\ud83d';
      for (const out of [false, true]) {
        const got: Buffer[] = [];
        const sink = out
          ? new TextSink(0, { write: (bytes) => got.push(Buffer.from(bytes)) })
          : new TextSink(Math.floor(rnd() * 64));
        for (let at = 0; at < text.length;) {
          const next = Math.min(text.length, at + 1 + Math.floor(rnd() * (rnd() < 0.2 ? 200 : 6)));
          sink.write(text.slice(at, next));
          at = next;
        }
        if (out) sink.end();
        const bytes = out ? Buffer.concat(got) : Buffer.from(sink.bytes());
        expect(bytes.equals(Buffer.from(new TextEncoder().encode(text)))).toBe(true);
      }
    }
  });

  test('escaped pieces, counts and raw bytes, mixed with plain pieces and cut anywhere, give the bytes of the escaped whole', () => {
    const rnd = rng(23);
    const UNITS = [
      'a',
      '<',
      '>',
      '&',
      '&amp;',
      '"',
      '学',
      '㎡',
      '\ud83d',
      '\ude00',
      '\ud842',
      '\udfb7',
      '\n',
      'é',
    ];
    for (let t = 0; t < 300; t++) {
      for (const out of [false, true]) {
        const got: Buffer[] = [];
        const sink = out
          ? new TextSink(0, { write: (bytes) => got.push(Buffer.from(bytes)) })
          : new TextSink(Math.floor(rnd() * 64));
        let want = '';
        for (let k = Math.floor(rnd() * 60); k > 0; k--) {
          let piece = '';
          for (let u = Math.floor(rnd() * (rnd() < 0.1 ? 400 : 8)); u > 0; u--)
            piece += UNITS[Math.floor(rnd() * UNITS.length)];
          const how = rnd();
          if (how < 0.1) {
            const n = [0, 9, 10, 99, 1e9, 2 ** 31 - 1, 2 ** 31, -1, 1.5, 12345][Math.floor(rnd() * 10)];
            sink.writeCount(n);
            want += String(n);
          } else if (how < 0.4) {
            sink.writeEscaped(piece);
            want += escapeText(piece);
          } else if (how < 0.6) {
            // Raw bytes are whole characters: a high surrogate before them is ended (U+FFFD), as in the joined text.
            const ascii = piece.replace(/[^\x20-\x7e]/g, '');
            sink.writeBytes(new TextEncoder().encode(ascii));
            want += ascii;
          } else {
            sink.write(piece);
            want += piece;
          }
        }
        if (out) sink.end();
        const bytes = out ? Buffer.concat(got) : Buffer.from(sink.bytes());
        expect(bytes.equals(Buffer.from(new TextEncoder().encode(want)))).toBe(true);
      }
    }
  });

  test('nothing written is no bytes', () => {
    expect(new TextSink().bytes().length).toBe(0);
  });
});

test('escapeText writes &, < and > as entities and nothing else, in one pass over the text', () => {
  const rnd = rng(29);
  const UNITS = ['a', '<', '>', '&', '&amp;', '&lt;', '学', '"', "'", '\n', ';', 'lt'];
  const byChar = (text: string) =>
    [...text].map((c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c)).join('');
  for (let t = 0; t < 2000; t++) {
    let text = '';
    for (let k = Math.floor(rnd() * 12); k > 0; k--) text += UNITS[Math.floor(rnd() * UNITS.length)];
    expect(escapeText(text)).toBe(byChar(text));
  }
});

describe('a streaming sink and its zip entry', () => {
  /** Random text pieces, now and then one bigger than the sink's 1 MB pieces. */
  function pieces(seed: number): string[] {
    const rnd = rng(seed);
    const out: string[] = [];
    for (let i = Math.floor(rnd() * 4000); i > 0; i--) {
      let piece = '';
      for (let k = Math.floor(rnd() * 40); k > 0; k--) piece += ALPHABET[Math.floor(rnd() * ALPHABET.length)];
      if (rnd() < 0.003) piece = piece.repeat(60_000 + Math.floor(rnd() * 3)) + '𠮷';
      out.push(piece);
    }
    return out;
  }

  test('hands on exactly TextEncoder’s bytes, in pieces it does not hand again', () => {
    for (const seed of [1, 2, 3, 4]) {
      const text = pieces(seed);
      const got: Buffer[] = [];
      // The sink reuses its array: a copy of each piece is what was handed on at that moment.
      const sink = new TextSink(0, { write: (bytes) => got.push(Buffer.from(bytes)) });
      for (const p of text) sink.write(p);
      sink.end();
      expect(Buffer.concat(got).equals(Buffer.from(new TextEncoder().encode(text.join(''))))).toBe(true);
      expect(() => sink.bytes()).toThrow();
    }
  });

  test.each([
    ['fflate', () => useZipCodec()],
    ['node:zlib (each piece its own stream, sync-flushed)', () => useNodeZlib()],
  ])('an entry written piece by piece inflates to the text, with its CRC and size (%s)', (_, use) => {
    use();
    try {
      for (const seed of [5, 6]) {
        const text = pieces(seed).join('');
        const writer = new EntryWriter('xl/part.xml');
        const sink = new TextSink(0, writer);
        sink.write(text);
        sink.end();
        const entry = writer.finish();
        const want = Buffer.from(new TextEncoder().encode(text));
        expect(entry.size).toBe(want.length);
        expect(entry.crc).toBe(deflateEntry('x', want).crc);
        expect(Buffer.from(inflateRawSync(entry.raw)).equals(want)).toBe(true);
        // The package reader reads it back (size and CRC checked).
        expect(Buffer.from(inflateEntry(entry)).equals(want)).toBe(true);
      }
      const empty = new EntryWriter('xl/empty.xml').finish();
      expect(empty.size).toBe(0);
      expect(inflateRawSync(empty.raw).length).toBe(0);
    } finally {
      useZipCodec();
    }
  });
});
