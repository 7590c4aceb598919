/** Hand-written .xlsx packages for the reader and writer tests: the parts as text, zipped with fflate. */
import { strToU8, zipSync } from 'fflate';

export const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
export const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export function zip(parts: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, strToU8(v)])));
}

/**
 * A minimal valid workbook whose single sheet has the given <sheetData> body, at the given part names (the defaults
 * are Excel's). `prefix` writes the SpreadsheetML elements with that namespace prefix instead of a default namespace.
 */
export function workbookPackage(options: {
  sheetData: string;
  sheetName?: string;
  sharedStrings?: string[];
  styles?: string;
  workbookPath?: string;
  sheetPath?: string;
  prefix?: string;
  date1904?: boolean;
  afterSheetData?: string;
  extra?: Record<string, string>;
}): Uint8Array {
  const p = options.prefix ? `${options.prefix}:` : '';
  const ns = options.prefix ? `xmlns:${options.prefix}="${MAIN_NS}"` : `xmlns="${MAIN_NS}"`;
  const wbPath = options.workbookPath ?? 'xl/workbook.xml';
  const sheetPath = options.sheetPath ?? 'xl/worksheets/sheet1.xml';
  const wbDir = wbPath.slice(0, wbPath.lastIndexOf('/') + 1);
  const wbRels = `${wbDir}_rels/${wbPath.slice(wbDir.length)}.rels`;
  const rel = (to: string) => (to.startsWith(wbDir) ? to.slice(wbDir.length) : `/${to}`);
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/${wbPath}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/${sheetPath}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="${wbPath}"/></Relationships>`,
    [wbPath]: `<?xml version="1.0" encoding="UTF-8"?><${p}workbook ${ns} xmlns:r="${REL_NS}">${options.date1904 ? `<${p}workbookPr date1904="1"/>` : ''}<${p}sheets><${p}sheet name="${options.sheetName ?? '学校数据'}" sheetId="1" r:id="rId1"/></${p}sheets></${p}workbook>`,
    [wbRels]: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="${rel(sheetPath)}"/>${options.sharedStrings ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="${rel(`${wbDir}strings.xml`)}"/>` : ''}${options.styles ? `<Relationship Id="rId3" Type="${REL}/styles" Target="${rel(`${wbDir}styles.xml`)}"/>` : ''}</Relationships>`,
    [sheetPath]: `<?xml version="1.0" encoding="UTF-8"?><${p}worksheet ${ns} xmlns:r="${REL_NS}"><${p}sheetData>${options.sheetData}</${p}sheetData>${options.afterSheetData ?? ''}</${p}worksheet>`,
  };
  if (options.sharedStrings)
    parts[`${wbDir}strings.xml`] =
      `<?xml version="1.0" encoding="UTF-8"?><${p}sst ${ns}>${options.sharedStrings.join('')}</${p}sst>`;
  if (options.styles) parts[`${wbDir}styles.xml`] = options.styles;
  return zip({ ...parts, ...options.extra });
}
