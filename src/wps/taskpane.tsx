// The WPS task pane page: the same <App/> as in Excel, given the WPS host over window.Application.
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from '../taskpane/App';
import { StringsContext, stringsFor } from '../taskpane/strings';
import { createWpsHost, type WpsApplication } from '../hosts/wps';

const strings = stringsFor(navigator.language);
document.documentElement.lang = strings.lang;
document.title = strings.appTitle;
const container = document.getElementById('root');
if (!container) throw new Error('taskpane.html has no #root element');
const app = (globalThis as { Application?: WpsApplication }).Application;
createRoot(container).render(
  <FluentProvider theme={webLightTheme}>
    <StringsContext.Provider value={strings}>
      {app ? <App operations={createWpsHost(app)} /> : <p role="alert">{strings.officeUnavailable}</p>}
    </StringsContext.Provider>
  </FluentProvider>,
);
