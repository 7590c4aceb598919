/**
 * Where JSON text breaks and what the usual mistake is, in words of our own: the runtime's JSON.parse messages are
 * English and differ between engines, so a profile's syntax error is located and described here instead.
 */

/** The usual ways hand-written JSON goes wrong. */
export type JsonProblem =
  | 'empty'
  | 'unexpectedEnd'
  | 'trailingComma'
  | 'missingComma'
  | 'missingColon'
  | 'singleQuote'
  | 'chinesePunctuation'
  | 'unquotedKey'
  | 'comment'
  | 'unterminatedString'
  | 'badEscape'
  | 'controlCharacter'
  | 'badNumber'
  | 'badValue'
  | 'extraText';

export interface JsonSyntaxError {
  /** 0-based offset of the character at fault (the text's length when it ends too early). */
  offset: number;
  /** 1-based line and column of that character. */
  line: number;
  column: number;
  problem: JsonProblem;
  /** The character (or word) found there; '' at the end of the text. */
  found: string;
}

/** Full-width and curly punctuation typed by a Chinese input method, with the ASCII JSON needs instead. */
const CHINESE_PUNCTUATION: Readonly<Record<string, string>> = {
  '，': ',',
  '：': ':',
  '“': '"',
  '”': '"',
  '‘': "'",
  '’': "'",
  '｛': '{',
  '｝': '}',
  '［': '[',
  '］': ']',
  '【': '[',
  '】': ']',
  '、': ',',
  '；': ',',
};

/** The ASCII character a Chinese punctuation mark stands for, or null. */
export function asciiFor(mark: string): string | null {
  return Object.prototype.hasOwnProperty.call(CHINESE_PUNCTUATION, mark) ? CHINESE_PUNCTUATION[mark] : null;
}

/** 1-based line and column of an offset (lines end at \n, \r\n or \r). */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      start = i + 1;
    }
  }
  return { line, column: offset - start + 1 };
}

const WHITESPACE = new Set([' ', '\t', '\n', '\r']);
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/;
const NUMBERISH = /^[-+.\d][-+.\deE]*/;
const WORD = /^[A-Za-z_$\u00c0-\uffff][\w$\u00c0-\uffff]*/;

type Expect = 'value' | 'valueOrEnd' | 'keyOrEnd' | 'key' | 'colon' | 'commaOrEnd';

/**
 * The first syntax error of JSON text, or null when the text is valid JSON. Iterative (an explicit stack), so deep
 * nesting cannot overflow the call stack.
 */
export function findJsonSyntaxError(text: string): JsonSyntaxError | null {
  let i = 0;
  const stack: ('{' | '[')[] = [];
  // Widened: the closures below change it, which control-flow narrowing does not see.
  let expect = 'value' as Expect;
  let done = false;
  const fail = (problem: JsonProblem, at = i, found?: string): JsonSyntaxError => ({
    offset: at,
    ...lineColumn(text, at),
    problem,
    found: found ?? text.slice(at, at + 1),
  });
  const skip = (): void => {
    while (i < text.length && WHITESPACE.has(text[i])) i++;
  };
  /** After a value: the container's comma or end next, or the whole text ends. */
  const valueEnded = (): void => {
    if (stack.length === 0) done = true;
    else expect = 'commaOrEnd';
  };
  /** Reads a "string" from i (at its opening quote); returns an error or null. */
  const readString = (): JsonSyntaxError | null => {
    const open = i;
    i++;
    while (i < text.length) {
      const c = text[i];
      if (c === '"') {
        i++;
        return null;
      }
      if (c === '\\') {
        const next = text[i + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) return fail('badEscape');
          i += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next)) return fail('badEscape');
        i += 2;
        continue;
      }
      if (c === '\n' || c === '\r') return fail('unterminatedString', open, '"');
      if (c < ' ') return fail('controlCharacter');
      i++;
    }
    return fail('unterminatedString', open, '"');
  };
  /** A character that cannot start what was expected: the usual mistakes first, then the generic problem. */
  const unexpected = (generic: JsonProblem): JsonSyntaxError => {
    const c = text[i];
    if (asciiFor(c) !== null) return fail('chinesePunctuation');
    if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))
      return fail('comment', i, text.slice(i, i + 2));
    if (c === "'") return fail('singleQuote');
    return fail(generic);
  };

  skip();
  if (i >= text.length) return fail('empty', 0, '');
  while (!done) {
    skip();
    if (i >= text.length) return fail('unexpectedEnd', text.length, '');
    const c = text[i];
    switch (expect) {
      case 'keyOrEnd':
      case 'key':
        if (c === '}' && expect === 'keyOrEnd') {
          stack.pop();
          i++;
          valueEnded();
          continue;
        }
        if (c === '}') return fail('trailingComma', lastComma(text, i));
        if (c === '"') {
          const error = readString();
          if (error) return error;
          expect = 'colon';
          continue;
        }
        if (WORD.test(text.slice(i)) && asciiFor(c) === null) {
          return fail('unquotedKey', i, WORD.exec(text.slice(i))![0]);
        }
        return unexpected('badValue');
      case 'colon':
        if (c === ':') {
          i++;
          expect = 'value';
          continue;
        }
        if (c === '：') return fail('chinesePunctuation');
        return fail('missingColon');
      case 'commaOrEnd': {
        const top = stack[stack.length - 1];
        if (c === ',') {
          i++;
          expect = top === '{' ? 'key' : 'value';
          continue;
        }
        if ((c === '}' && top === '{') || (c === ']' && top === '[')) {
          stack.pop();
          i++;
          valueEnded();
          continue;
        }
        if (asciiFor(c) !== null) return fail('chinesePunctuation');
        if (c === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))
          return fail('comment', i, text.slice(i, i + 2));
        return fail('missingComma');
      }
      case 'value':
      case 'valueOrEnd': {
        if (c === ']' && expect === 'valueOrEnd') {
          stack.pop();
          i++;
          valueEnded();
          continue;
        }
        if (c === ']' || (c === '}' && stack[stack.length - 1] === '{')) {
          const comma = lastComma(text, i);
          return comma !== i ? fail('trailingComma', comma) : fail('badValue', i, '');
        }
        if (c === '{' || c === '[') {
          stack.push(c);
          i++;
          expect = c === '{' ? 'keyOrEnd' : 'valueOrEnd';
          continue;
        }
        if (c === '"') {
          const error = readString();
          if (error) return error;
          valueEnded();
          continue;
        }
        const rest = text.slice(i);
        const word = /^(true|false|null)(?![\w$])/.exec(rest);
        if (word) {
          i += word[0].length;
          valueEnded();
          continue;
        }
        if (NUMBERISH.test(rest)) {
          const n = NUMBER.exec(rest);
          const all = NUMBERISH.exec(rest)![0];
          if (!n || n[0].length !== all.length) return fail('badNumber', i, all);
          i += n[0].length;
          valueEnded();
          continue;
        }
        if (WORD.test(rest) && asciiFor(c) === null) return fail('badValue', i, WORD.exec(rest)![0]);
        return unexpected('badValue');
      }
    }
  }
  skip();
  if (i < text.length) {
    if (text[i] === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))
      return fail('comment', i, text.slice(i, i + 2));
    return fail('extraText');
  }
  return null;
}

/** The last non-space character before `at` (the comma of a trailing comma), or `at` itself. */
function lastComma(text: string, at: number): number {
  let j = at - 1;
  while (j >= 0 && WHITESPACE.has(text[j])) j--;
  return j >= 0 && text[j] === ',' ? j : at;
}

/** zh-CN description of each problem (the found character or word given). */
const PROBLEMS_ZH: Readonly<Record<JsonProblem, (found: string) => string>> = {
  empty: () => '内容是空的',
  unexpectedEnd: () => '内容意外结束，可能缺少右括号 } 或 ]，或缺少结尾的双引号',
  trailingComma: () => '最后一项后面多了一个逗号，请删除这个逗号',
  missingComma: (f) => `“${f}”前面缺少英文逗号 ,（两项之间要用逗号分隔）`,
  missingColon: (f) => `键名后面缺少英文冒号 :（在“${f}”之前）`,
  singleQuote: () => '文本和键名须用英文双引号 "…"，不能用单引号',
  chinesePunctuation: (f) => `使用了中文标点“${f}”，请改为英文标点“${asciiFor(f) ?? f}”`,
  unquotedKey: (f) => `键名“${f}”须用英文双引号括起来，如 "${f}"`,
  comment: () => 'JSON 不能包含注释（// 或 /* */），请删除',
  unterminatedString: () => '文本缺少结尾的英文双引号 "',
  badEscape: () => '文本中的反斜杠 \\ 用法不正确（反斜杠本身要写成 \\\\）',
  controlCharacter: () => '文本中不能直接包含制表符等控制字符',
  badNumber: (f) => `数字“${f}”格式不正确（如 .5 要写成 0.5，不能有前导 0、+ 号或多个小数点）`,
  badValue: (f) =>
    f === ''
      ? '此处缺少值'
      : `无法识别“${f}”：值须是数字、英文双引号中的文本、true、false、null、对象 {…} 或列表 […]`,
  extraText: (f) => `JSON 已经结束，后面还有多余的内容“${f}”`,
};

/** "JSON 格式错误（第 3 行第 5 列）：…" for JSON text that does not parse. */
export function jsonSyntaxMessageZh(error: JsonSyntaxError): string {
  const place = error.problem === 'empty' ? '' : `（第 ${error.line} 行第 ${error.column} 列）`;
  return `JSON 格式错误${place}：${PROBLEMS_ZH[error.problem](error.found)}`;
}

/** English description of each problem, for a pane in English. */
const PROBLEMS_EN: Readonly<Record<JsonProblem, (found: string) => string>> = {
  empty: () => 'the text is empty',
  unexpectedEnd: () => 'the text ends too early: a closing } or ], or a closing double quote, may be missing',
  trailingComma: () => 'there is a comma after the last item; delete it',
  missingComma: (f) => `a comma , is missing before “${f}” (items are separated by commas)`,
  missingColon: (f) => `a colon : is missing after the key (before “${f}”)`,
  singleQuote: () => 'texts and keys take double quotes "…", not single quotes',
  chinesePunctuation: (f) =>
    `full-width punctuation “${f}” is used; type the ASCII “${asciiFor(f) ?? f}” instead`,
  unquotedKey: (f) => `the key “${f}” must be in double quotes, as in "${f}"`,
  comment: () => 'JSON cannot contain comments (// or /* */); delete them',
  unterminatedString: () => 'a text lacks its closing double quote "',
  badEscape: () => 'a backslash \\ is used wrongly in a text (a backslash itself is written \\\\)',
  controlCharacter: () => 'a text cannot contain tabs or other control characters',
  badNumber: (f) =>
    `the number “${f}” is malformed (write .5 as 0.5; no leading 0, no + sign, one decimal point)`,
  badValue: (f) =>
    f === ''
      ? 'a value is missing here'
      : `“${f}” is not understood: a value is a number, a text in double quotes, true, false, null, an object {…} or a list […]`,
  extraText: (f) => `the JSON has ended, but “${f}” follows`,
};

/** "JSON syntax error (line 3, column 5): …" for JSON text that does not parse. */
export function jsonSyntaxMessageEn(error: JsonSyntaxError): string {
  const place = error.problem === 'empty' ? '' : ` (line ${error.line}, column ${error.column})`;
  return `JSON syntax error${place}: ${PROBLEMS_EN[error.problem](error.found)}`;
}
