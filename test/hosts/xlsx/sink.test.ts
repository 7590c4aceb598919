// The text sink writes exactly what TextEncoder makes of the whole text, however the pieces fall across its chunks.
import { TextSink } from '../../../src/hosts/xlsx/package/sink';
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

  test('nothing written is no bytes', () => {
    expect(new TextSink().bytes().length).toBe(0);
  });
});
