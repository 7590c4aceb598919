// User-visible strings of the task pane in English, for Office display languages other than Chinese.
import type { Strings } from './strings.zh-CN';

export const en: Strings = {
  lang: 'en',
  appTitle: 'Balance',
  appSubtitle:
    'County compulsory-education balance evaluation: difference coefficients and per-school standards',
  officeUnavailable:
    'Office.js could not be loaded. Open this add-in inside Excel and check that the Office add-in service is reachable.',
};
