// Task pane bootstrap: waits for Office, then renders <App/> in Fluent UI's light theme in the user's language.
import { createRoot } from 'react-dom/client';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { App } from './App';
import { createOfficeHost } from '../hosts/officejs/host';
import { StringsContext, stringsFor, type Strings } from './strings';

function render(strings: Strings, content: JSX.Element) {
  document.documentElement.lang = strings.lang;
  document.title = strings.appTitle;
  const container = document.getElementById('root');
  if (!container) throw new Error('taskpane.html has no #root element');
  createRoot(container).render(
    <FluentProvider theme={webLightTheme}>
      <StringsContext.Provider value={strings}>{content}</StringsContext.Provider>
    </FluentProvider>,
  );
}

// Without office.js (blocked network, page opened outside Office) say so instead of leaving a blank pane.
if (typeof Office === 'undefined') {
  const strings = stringsFor(navigator.language);
  render(strings, <p role="alert">{strings.officeUnavailable}</p>);
} else {
  Office.onReady(() =>
    render(stringsFor(Office.context?.displayLanguage), <App operations={createOfficeHost()} />),
  );
}
