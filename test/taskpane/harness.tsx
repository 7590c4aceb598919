// Renders the task pane in jsdom against the recording fake Excel through the real host module (host.ts → src/excel).
import { configure, render, type RenderResult } from '@testing-library/react';
import {
  createDOMRenderer,
  FluentProvider,
  RendererProvider,
  webLightTheme,
} from '@fluentui/react-components';
import { App } from '../../src/taskpane/App';
import { createOfficeHost } from '../../src/hosts/officejs/host';
import type { SpreadsheetHost as Operations } from '../../src/hosts/port';
import { StringsContext, stringsFor } from '../../src/taskpane/strings';
import type { FakeExcel } from '../hosts/officejs/fakeExcel';

// Role queries compute accessible names with getComputedStyle, which jsdom answers by matching every CSS rule on the
// page: with Fluent's thousands of atomic rules one query took seconds. jsdom does no layout, so the tests lose
// nothing when Griffel inserts no rules (the browser tests run the real styles).
const renderer = createDOMRenderer(document, { unstable_filterCSSRule: () => false });
// A full pane re-render takes about a second in jsdom on a busy 2-core machine: wait for results that long and more.
configure({ asyncUtilTimeout: 15_000 });

/** Office.context.document.settings kept in memory, like Office.js: set() changes it, saveAsync() persists it. */
export class SettingsStore {
  saved: Record<string, unknown> = {};
  private pending: Record<string, unknown> = {};
  saves = 0;
  failNextSave = false;
  get(name: string): unknown {
    return this.pending[name] ?? null;
  }
  set(name: string, value: unknown): void {
    this.pending[name] = JSON.parse(JSON.stringify(value));
  }
  saveAsync(callback?: (result: { status: unknown; error?: unknown }) => void): void {
    this.saves++;
    setTimeout(() => {
      if (this.failNextSave) {
        this.failNextSave = false;
        callback?.({ status: 'failed', error: { code: 'GeneralException', message: 'save failed' } });
        return;
      }
      this.saved = JSON.parse(JSON.stringify(this.pending));
      callback?.({ status: 'succeeded' });
    }, 0);
  }
  /** A new session: what was saved to the document is all that is left. */
  reopen(): SettingsStore {
    const next = new SettingsStore();
    next.pending = JSON.parse(JSON.stringify(this.saved));
    next.saved = JSON.parse(JSON.stringify(this.saved));
    return next;
  }
}

/** Installs Excel.run and Office.context for host.ts, backed by `fake` and `settings`. */
export function installHost(fake: FakeExcel, settings: SettingsStore): void {
  const g = globalThis as Record<string, unknown>;
  g.Excel = { run: (batch: (context: unknown) => Promise<unknown>) => fake.run(batch as never) };
  g.Office = {
    context: {
      displayLanguage: 'zh-CN',
      document: { settings },
      requirements: { isSetSupported: () => true },
    },
  };
}

export function uninstallHost(): void {
  const g = globalThis as Record<string, unknown>;
  delete g.Excel;
  delete g.Office;
}

/** Every operation wrapped in a jest spy that still calls the real one. */
export function spyOperations(operations: Operations): jest.Mocked<Operations> {
  const spied = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(operations)) {
    spied[name] =
      typeof fn === 'function'
        ? jest.fn((...args: unknown[]) => (fn as (...a: unknown[]) => unknown)(...args))
        : fn;
  }
  return spied as unknown as jest.Mocked<Operations>;
}

export interface Pane extends RenderResult {
  operations: jest.Mocked<Operations>;
}

export function renderPane(options: { operations?: Operations; language?: string } = {}): Pane {
  const operations = spyOperations(options.operations ?? createOfficeHost());
  const strings = stringsFor(options.language ?? 'zh-CN');
  const result = render(
    <RendererProvider renderer={renderer} targetDocument={document}>
      <FluentProvider theme={webLightTheme}>
        <StringsContext.Provider value={strings}>
          <App operations={operations} />
        </StringsContext.Provider>
      </FluentProvider>
    </RendererProvider>,
  );
  return { ...result, operations };
}
