/**
 * A custom standard edited by form: the JSON text stays the one source (what is saved, imported and exported), the
 * form reads and writes keys of it, and the engine's parseProfile problems are sorted to the field whose key they name.
 */
import {
  getProfile,
  profileProblemMessage,
  profileProblemText,
  type Profile,
  type ProfileProblem,
  type ProfileTexts,
} from '../engine';

/** The JSON object being edited (never shared: every edit copies). */
export type Draft = Record<string, unknown>;

/** A key path into the draft, e.g. ['schoolRule', 'k']. */
export type DraftPath = readonly string[];

function isObject(v: unknown): v is Draft {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The draft in the text, or null when the text is empty, not JSON, or not an object (then only JSON is offered). */
export function readDraft(text: string): Draft | null {
  if (text.trim() === '') return null;
  try {
    const value: unknown = JSON.parse(text);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** The draft as the text saved and shown in the JSON box. */
export function draftText(draft: Draft): string {
  return JSON.stringify(draft, null, 2);
}

/** The value at a path, or undefined. Own keys only. */
export function getAt(draft: Draft, path: DraftPath): unknown {
  let at: unknown = draft;
  for (const key of path) {
    if (!isObject(at) || !Object.prototype.hasOwnProperty.call(at, key)) return undefined;
    at = at[key];
  }
  return at;
}

/** A copy of the draft with the value set at the path (objects created on the way; undefined removes the key). */
export function setAt(draft: Draft, path: DraftPath, value: unknown): Draft {
  const next = JSON.parse(JSON.stringify(draft)) as Draft;
  let at = next;
  path.slice(0, -1).forEach((key) => {
    if (!isObject(at[key])) at[key] = {};
    at = at[key] as Draft;
  });
  const last = path[path.length - 1];
  if (value === undefined) delete at[last];
  else at[last] = value;
  return next;
}

/** The built-in standard the draft extends (its "extends"), or null. */
export function baseOf(draft: Draft): Profile | null {
  return typeof draft.extends === 'string' ? getProfile(draft.extends) : null;
}

/**
 * What the user typed in a number box, as JSON: a number when it reads as one (so the engine checks its range), the
 * text itself otherwise (so the engine says it is not a number), or `empty` for an empty box.
 */
export function numberInput(text: string, empty: unknown): unknown {
  const t = text.trim();
  if (t === '') return empty;
  return /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/.test(t) ? Number(t) : t;
}

/** A number box's text for a draft value (or the resolved value when the draft leaves it to the base). */
export function numberText(value: unknown): string {
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return value;
  return '';
}

/**
 * The problems by the field that shows them, worded in the pane's language: each field claims the paths it edits (a
 * prefix claim such as 'indicators' also takes 'indicators[2]') and shows the message without the path; what no field
 * claims is left, with its path, for the list under the JSON box.
 */
export function sortErrors(
  problems: readonly ProfileProblem[],
  fields: readonly string[],
  texts: ProfileTexts,
): { byField: Map<string, string[]>; rest: string[] } {
  const byField = new Map<string, string[]>();
  const rest: string[] = [];
  for (const problem of problems) {
    const { path } = problem;
    const field =
      fields.find((f) => f === path) ??
      fields.find((f) => path.startsWith(`${f}[`) || path.startsWith(`${f}.`));
    if (path === '' || field === undefined) rest.push(profileProblemText(problem, texts));
    else byField.set(field, [...(byField.get(field) ?? []), profileProblemMessage(problem, texts)]);
  }
  return { byField, rest };
}
