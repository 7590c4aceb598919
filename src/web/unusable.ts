// Why a workbook of the web page's county list cannot be evaluated: a type of its own, so that the list (batch.ts) and
// the strings that word it in each language do not import each other.
import type { DataIssue } from '../engine';
import type { InputProblem } from '../hosts/xlsx/workbook';

/**
 * Why a workbook of the batch cannot be evaluated: the problem's code (so the page words it in its own language), the
 * Chinese message (the summary sheet's), and what the wording needs — the sheets searched for a school table, the
 * table's fatal issues (no school names, no student counts) for `unusableTable`.
 */
export interface Unusable {
  ok: false;
  file: string;
  message: string;
  problem: InputProblem | 'unusableTable';
  sheets?: readonly string[];
  issues?: readonly DataIssue[];
}
