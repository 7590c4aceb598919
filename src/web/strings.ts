// Picks the web page's own strings with the pane's rule (Chinese unless the browser asks for another known language).
import { createContext, useContext } from 'react';
import { webEn } from './strings.en';
import { webZhCN, type WebStrings } from './strings.zh-CN';

export type { WebStrings };

export function webStringsFor(language: string | undefined | null): WebStrings {
  if (!language || language.toLowerCase().startsWith('zh')) return webZhCN;
  return webEn;
}

export const WebStringsContext = createContext<WebStrings>(webZhCN);

export function useWebStrings(): WebStrings {
  return useContext(WebStringsContext);
}
