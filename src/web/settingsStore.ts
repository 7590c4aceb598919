/**
 * The pane's settings of one workbook, kept in this browser's localStorage under its file name and size (a file
 * cannot carry them: the page never writes the user's file). Without localStorage (blocked, private mode, full) the
 * settings live for the page's lifetime only.
 */
import type { SettingsStore } from '../hosts/xlsx/host';

const PREFIX = 'balance:settings:';

export function settingsKey(fileName: string, size: number): string {
  return `${PREFIX}${fileName}:${size}`;
}

function storage(): Storage | null {
  try {
    const s = window.localStorage;
    return s ?? null;
  } catch {
    return null;
  }
}

export function browserSettings(fileName: string, size: number): SettingsStore {
  const key = settingsKey(fileName, size);
  let memory: unknown = null;
  return {
    load() {
      try {
        const text = storage()?.getItem(key);
        if (text) return JSON.parse(text) as unknown;
      } catch {
        // Unreadable or not JSON (edited by hand): the pane starts from its defaults.
      }
      return memory;
    },
    save(value) {
      memory = value;
      try {
        storage()?.setItem(key, JSON.stringify(value));
      } catch {
        // Quota or blocked storage: kept in memory for this visit.
      }
    },
  };
}
