// The tag scanner as it was before TagCursor (nextTag of src/hosts/xlsx/package/xml.ts at 86f08b6), kept verbatim as
// the reference the cursor and the nextTag built on it are compared with (readerExact.test.ts).
import type { Tag } from '../../../../src/hosts/xlsx/package/xml';

export function nextTag(xml: string, from: number): Tag | null {
  let i = xml.indexOf('<', from);
  while (i >= 0) {
    const c = xml.charCodeAt(i + 1);
    if (c === 0x21 /* ! */) {
      if (xml.startsWith('<!--', i)) i = after(xml, '-->', i);
      else if (xml.startsWith('<![CDATA[', i)) i = after(xml, ']]>', i);
      else i = after(xml, '>', i);
      i = xml.indexOf('<', i);
      continue;
    }
    if (c === 0x3f /* ? */) {
      i = xml.indexOf('<', after(xml, '?>', i));
      continue;
    }
    const close = c === 0x2f; /* / */
    let j = close ? i + 2 : i + 1;
    const nameStart = j;
    let colon = -1;
    for (; j < xml.length; j++) {
      const d = xml.charCodeAt(j);
      if (d === 0x3a) colon = j;
      else if (d === 0x20 || d === 0x3e || d === 0x2f || d === 0x09 || d === 0x0a || d === 0x0d) break;
    }
    const name = xml.slice(colon >= 0 ? colon + 1 : nameStart, j);
    const end = tagEnd(xml, j);
    return { name, start: i, end, close, selfClosing: !close && xml.charCodeAt(end - 2) === 0x2f };
  }
  return null;
}

function after(xml: string, marker: string, from: number): number {
  const k = xml.indexOf(marker, from);
  return k < 0 ? xml.length : k + marker.length;
}

function tagEnd(xml: string, from: number): number {
  for (let j = from; j < xml.length; j++) {
    const d = xml.charCodeAt(j);
    if (d === 0x3e) return j + 1;
    if (d === 0x22 || d === 0x27) {
      const k = xml.indexOf(d === 0x22 ? '"' : "'", j + 1);
      if (k < 0) return xml.length;
      j = k;
    }
  }
  return xml.length;
}
