/**
 * The file host as the pane sees it, with the page told of what changes the workbook: the marks painted (for the
 * preview), report sheets written (so a download knows whether to add them) and the row the pane asked to show.
 */
import type { HighlightPlan } from '../engine';
import type { SpreadsheetHost } from '../hosts/port';
import type { XlsxFileHost } from '../hosts/xlsx/host';

export interface HostState {
  /** The marks as painted now, or null when none are. */
  plan: HighlightPlan | null;
  /** Report sheets were written since the last 检查并标注. */
  reportsWritten: boolean;
  /** The row 定位 asked for last (the preview scrolls to it). */
  selected: { sheet: string; row: number } | null;
}

export const NO_MARKS: HostState = { plan: null, reportsWritten: false, selected: null };

/** A SpreadsheetHost that forwards every call to `host` and reports the new state after each change that succeeded. */
export function watchHost(host: XlsxFileHost, onChange: (state: HostState) => void): SpreadsheetHost {
  let state = NO_MARKS;
  const set = (next: Partial<HostState>) => {
    state = { ...state, ...next };
    onChange(state);
  };
  return {
    kind: host.kind,
    capabilities: host.capabilities,
    readSheet: (request) => host.readSheet(request),
    listSheets: () => host.listSheets(),
    applyHighlights: async (plan) => {
      const result = await host.applyHighlights(plan);
      set({ plan, reportsWritten: false });
      return result;
    },
    clearHighlights: async () => {
      const result = await host.clearHighlights();
      set({ plan: null });
      return result;
    },
    writeReport: async (plans) => {
      const outcome = await host.writeReport(plans);
      set({ reportsWritten: true });
      return outcome;
    },
    selectRow: async (sheet, row) => {
      await host.selectRow(sheet, row);
      set({ selected: { sheet, row } });
    },
    loadSettings: () => host.loadSettings(),
    saveSettings: (value) => host.saveSettings(value),
  };
}
