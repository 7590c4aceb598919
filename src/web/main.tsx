// The web version's entry: the pane's App over the in-memory .xlsx host, in any browser, from disk or a static server.
import './compat';
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme, type Theme } from '@fluentui/react-components';
import { StringsContext, stringsFor } from '../taskpane/strings';
import { WebStringsContext, webStringsFor } from './strings';
import { WebApp } from './WebApp';

/**
 * Fluent's fonts, then the CJK fonts the users' systems have (Windows, macOS, UOS/Kylin, other Linux): the page ships
 * no font file and loads none.
 */
const CJK_FONTS =
  "'Microsoft YaHei UI', 'Microsoft YaHei', 'PingFang SC', 'Hiragino Sans GB', 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', 'Droid Sans Fallback', sans-serif";
const theme: Theme = {
  ...webLightTheme,
  fontFamilyBase: `${webLightTheme.fontFamilyBase.replace(/,\s*sans-serif\s*$/, '')}, ${CJK_FONTS}`,
};

const strings = stringsFor(navigator.language);
const webStrings = webStringsFor(navigator.language);
document.documentElement.lang = strings.lang;
document.title = webStrings.pageTitle;
const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
createRoot(container).render(
  <FluentProvider theme={theme}>
    <StringsContext.Provider value={strings}>
      <WebStringsContext.Provider value={webStrings}>
        <WebApp />
      </WebStringsContext.Provider>
    </StringsContext.Provider>
  </FluentProvider>,
);
