/**
 * A new workbook holding only report sheets (the 申报表 tables alone): an empty package — workbook, relationships,
 * content types and minimal styles, no sheet yet — to which the marked-copy writer adds each plan as a new sheet.
 */
import type { ReportPlan } from '../../../engine';
import { readWorkbookInfo, XlsxPackage } from '../package/parts';
import { deflateEntry, readZip, writeZip } from '../package/zip';
import { Workbook } from '../workbook';
import { markedCopy } from './markedCopy';
import { minimalStyles } from './styles';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

const EMPTY_PARTS: Record<string, string> = {
  '[Content_Types].xml':
    XML +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    '</Types>',
  '_rels/.rels':
    XML +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
    '</Relationships>',
  'xl/workbook.xml':
    XML +
    `<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}">` +
    '<bookViews><workbookView/></bookViews><sheets></sheets></workbook>',
  'xl/_rels/workbook.xml.rels':
    XML +
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
    `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
    '</Relationships>',
  'xl/styles.xml': minimalStyles(),
};

/** The bytes of a new workbook whose sheets are the plans, in order. At least one plan is expected. */
export function workbookOf(plans: readonly ReportPlan[]): Uint8Array {
  const encoder = new TextEncoder();
  const empty = writeZip(
    Object.entries(EMPTY_PARTS).map(([name, text]) => deflateEntry(name, encoder.encode(text))),
  );
  const pkg = new XlsxPackage(readZip(empty));
  const info = readWorkbookInfo(pkg);
  if ('problem' in info) throw new Error(`empty workbook package is invalid: ${info.problem}`);
  return markedCopy(new Workbook(pkg, info), { sheet: '', marks: [] }, plans);
}
