// Picks the task pane's strings from Office's display language (Chinese first) and hands them to components.
import { createContext, useContext } from 'react';
import { en } from './strings.en';
import { zhCN, type Strings } from './strings.zh-CN';

export type { Strings };

/**
 * Chinese for any zh-* display language, and also when the language is unknown (the users are Chinese county
 * staff); English for every other known language.
 */
export function stringsFor(displayLanguage: string | undefined | null): Strings {
  if (!displayLanguage || displayLanguage.toLowerCase().startsWith('zh')) return zhCN;
  return en;
}

export const StringsContext = createContext<Strings>(zhCN);

/** The strings of the current display language (from the nearest StringsContext provider). */
export function useStrings(): Strings {
  return useContext(StringsContext);
}
