// Random worksheet XML in the many forms SpreadsheetML allows (plain cells, odd numerals, entities, formulas, inline
// and rich text, prefixes, quotes, rows out of order, cells without a reference): the arbitraries the reader's and the
// marked-cell writer's exactness tests draw from.
import fc from 'fast-check';

export const pick = <T>(...items: T[]) => fc.constantFrom(...items);

/** Numerals as writers write them, and the awkward ones: half-way, 16–17 digits, exponents, signs, spaces. */
export const numeral = fc.oneof(
  fc.integer({ min: -1e6, max: 1e6 }).map(String),
  fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
  fc
    .tuple(fc.stringMatching(/^-?[0-9]{0,17}$/), fc.stringMatching(/^[0-9]{0,23}$/))
    .map(([a, b]) => `${a}.${b}`),
  fc.stringMatching(/^-?[0-9]{1,18}$/),
  pick(
    '0.1',
    '0.3',
    '-0',
    '-0.0',
    '0.30000000000000004',
    '9007199254740993',
    '9007199254740992.5',
    '123456789012345.6',
    '999999999999999',
    '0.000000000000000000001',
    '1e3',
    '1E-3',
    '+5',
    ' 12',
    '12 ',
    '.5',
    '5.',
    '.',
    '-',
    '',
    '1.2.3',
    '0x10',
    'Infinity',
    '&#49;2',
    '46266',
    '46266.5',
    '#N/A',
    'TRUE',
    '1',
    '2026-09-01T00:00:00',
  ),
);

/** Text with entities, surrogate pairs, CRLF, OOXML escapes and markup-looking characters (escaped). */
export const text = fc
  .array(
    pick(
      'a',
      '学校',
      ' ',
      '&amp;',
      '&lt;',
      '&gt;',
      '&quot;',
      '&#x1F600;',
      '&#22823;',
      '😀',
      '\r\n',
      '\n',
      '_x000D_',
      '_x005F_x000D_',
      '1',
      '',
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

export const reference = fc.oneof(
  fc
    .tuple(fc.stringMatching(/^[A-Z]{1,4}$/), fc.integer({ min: 0, max: 1_100_000 }))
    .map(([c, r]) => `${c}${r}`),
  pick(
    '$B$2',
    'b3',
    'A01',
    'A0',
    'C000',
    'A',
    '12',
    '',
    'A1x',
    'XFD1048576',
    'AAAA5',
    'A&#49;',
    'A1234567890',
  ),
);

export const style = fc.oneof(
  fc.integer({ min: 0, max: 5 }).map(String),
  pick('', '1.5', '07', 'x', '1234567890'),
);
export const type = fc.option(pick('n', 's', 'str', 'b', 'e', 'd', 'inlineStr', 'constructor', 'S', 'n '), {
  nil: undefined,
});

/** A run of rich text or a phonetic guide. */
export const stringBody = fc.oneof(
  text.map((t) => `<t>${t}</t>`),
  text.map((t) => `<t xml:space="preserve"> ${t} </t>`),
  fc
    .array(text, { minLength: 1, maxLength: 3 })
    .map((ts) => ts.map((t) => `<r><rPr><b/></rPr><t>${t}</t></r>`).join('')),
  fc.tuple(text, text).map(([a, b]) => `<t>${a}</t><rPh sb="0" eb="1"><t>${b}</t></rPh>`),
  pick('<t/>', '', '<t></t>', '<t><![CDATA[a<b]]></t>'),
);

/** One cell in one of the many forms writers produce. */
export const cell = fc
  .record({
    r: fc.option(reference, { nil: undefined }),
    s: fc.option(style, { nil: undefined }),
    t: type,
    v: fc.option(fc.oneof(numeral, fc.integer({ min: 0, max: 12 }).map(String)), { nil: undefined }),
    form: pick(
      'plain',
      'plain',
      'plain',
      'self',
      'empty',
      'formula',
      'sharedFormula',
      'inline',
      'spaced',
      'odd',
    ),
    body: stringBody,
    order: fc.boolean(),
    extra: fc.boolean(),
  })
  .map(({ r, s, t, v, form, body, order, extra }) => {
    const attrs = [
      r === undefined ? '' : ` r="${r}"`,
      s === undefined ? '' : ` s="${s}"`,
      t === undefined ? '' : ` t="${t}"`,
    ];
    if (order) attrs.reverse();
    let open = `<c${attrs.join('')}${extra ? ' cm="1"' : ''}`;
    if (form === 'spaced') open = open.replace(/ /g, '\n  ').replace(/"/g, "'");
    const value = v === undefined ? '' : `<v>${v}</v>`;
    switch (form) {
      case 'self':
        return `${open}/>`;
      case 'empty':
        return `${open}></c>`;
      case 'formula':
        return `${open}><f>SUM(A1:B1)&amp;"x"</f>${value}</c>`;
      case 'sharedFormula':
        return `${open}><f t="shared" si="0"/>${value}</c>`;
      case 'inline':
        return `${open}><is>${body}</is>${value}</c>`;
      case 'odd':
        return `${open}><!-- note --><v>${v ?? ''}</v><v/></c>`;
      default:
        return `${open}>${value}</c>`;
    }
  });

export const row = fc
  .record({
    r: fc.option(fc.oneof(fc.integer({ min: 1, max: 40 }).map(String), pick('0', '', 'x', '3.0')), {
      nil: undefined,
    }),
    hidden: fc.option(pick('1', 'true', '0'), { nil: undefined }),
    cells: fc.array(cell, { maxLength: 6 }),
  })
  .map(
    ({ r, hidden, cells }) =>
      `<row${r === undefined ? '' : ` r="${r}"`}${hidden === undefined ? '' : ` hidden="${hidden}"`} spans="1:5">${cells.join('')}</row>`,
  );

export function sheetXml(rows: string[], prefix: string): string {
  const body = rows.join('');
  const xml = `<?xml version="1.0"?><worksheet xmlns="urn:x"><cols><col min="2" max="3" hidden="1"/></cols><sheetData>${body}</sheetData><mergeCells><mergeCell ref="A1:B2"/></mergeCells></worksheet>`;
  // A prefixed document: every element of the sheet gets the prefix (the readers look at local names only).
  return prefix ? xml.replace(/<(\/?)(?![?!])/g, `<$1${prefix}:`) : xml;
}
