/**
 * The package's conformance class (ISO/IEC 29500 Transitional or Strict) and the namespace URIs that go with it, so
 * that what the writer adds to a Strict package is Strict too. The URIs are those of ECMA-376 Part 1's schemas
 * (transitional: schemas.openxmlformats.org/…/2006/…; strict: purl.oclc.org/ooxml/…); the OPC namespaces of
 * [Content_Types].xml and the .rels parts (Part 2) and the content types are the same in both.
 */
import { nextTag } from './xml';

export interface Conformance {
  strict: boolean;
  /** SpreadsheetML main namespace (workbook, worksheet, styles, comments). */
  main: string;
  /** Office document relationships: the r: attributes' namespace and the base of relationship types. */
  relationships: string;
  /** The last segment of the extended-properties (docProps/app.xml) relationship type. */
  extendedPropertiesType: string;
}

export const TRANSITIONAL: Conformance = {
  strict: false,
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  relationships: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  extendedPropertiesType: 'extended-properties',
};

export const STRICT: Conformance = {
  strict: true,
  main: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  relationships: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  extendedPropertiesType: 'extendedProperties',
};

/**
 * The conformance of a package, from its workbook part: Strict when the workbook element is in the Strict
 * SpreadsheetML namespace (or says conformance="strict"), Transitional otherwise.
 */
export function conformanceOf(workbookXml: string | undefined): Conformance {
  if (!workbookXml) return TRANSITIONAL;
  const root = nextTag(workbookXml, 0);
  if (!root) return TRANSITIONAL;
  const tag = workbookXml.slice(root.start, root.end);
  const name = /^<([^\s/>]+)/.exec(tag)?.[1] ?? '';
  const prefix = name.includes(':') ? name.slice(0, name.indexOf(':')) : '';
  const declared = new RegExp(`\\sxmlns${prefix ? `:${prefix}` : ''}\\s*=\\s*["']([^"']*)["']`).exec(
    tag,
  )?.[1];
  if (declared === STRICT.main) return STRICT;
  if (declared === undefined && /\sconformance\s*=\s*["']strict["']/.test(tag)) return STRICT;
  return TRANSITIONAL;
}
