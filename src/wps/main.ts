// The WPS add-in's entry page script (index.html): ribbon callbacks and the BALANCE.* functions. Every ribbon
// callback is synchronous: async callbacks stop some WPS builds from showing the ribbon at all.
import type { WpsApplication, WpsGlobal, WpsRibbonControl } from '../hosts/wps';
import { registerFunctions } from './functions';

interface AddinWindow {
  Application?: WpsApplication;
  wps?: WpsGlobal;
  OnAddinLoad?: (ribbonUI: unknown) => boolean;
  OnAddInLoad?: (ribbonUI: unknown) => boolean;
  OnAction?: (control: WpsRibbonControl) => boolean;
  GetImage?: (control: WpsRibbonControl) => string;
}

export const OPEN_PANE_BUTTON = 'balanceOpenPane';
const PANE_KEY = 'balance_taskpane_id';

const win = globalThis as unknown as AddinWindow;

/** The ribbon's onLoad: registers the functions once WPS is ready. */
function onAddinLoad(): boolean {
  try {
    registerFunctions(win.wps);
  } catch (error) {
    console.error('注册 BALANCE 函数失败', error);
  }
  return true;
}

/** Opens (or shows/hides) the 均衡评估 task pane; one pane per WPS window, its id kept in PluginStorage. */
function onAction(control: WpsRibbonControl): boolean {
  if (control.Id !== OPEN_PANE_BUTTON) return true;
  const app = win.Application;
  if (!app) return true;
  const url = new URL('taskpane.html', location.href).href;
  const id = app.PluginStorage.getItem(PANE_KEY);
  const existing = typeof id === 'string' || typeof id === 'number' ? app.GetTaskPane(id) : null;
  if (existing) {
    existing.Visible = !existing.Visible;
    return true;
  }
  const pane = app.CreateTaskPane ? app.CreateTaskPane(url) : win.wps?.CreateTaskPane?.(url);
  if (!pane) return true;
  app.PluginStorage.setItem(PANE_KEY, pane.ID);
  pane.Visible = true;
  return true;
}

function getImage(): string {
  return 'assets/icon-32.png';
}

win.OnAddinLoad = onAddinLoad;
// Some WPS templates spell it OnAddInLoad; ribbon.xml names OnAddinLoad, the alias costs nothing.
win.OnAddInLoad = onAddinLoad;
win.OnAction = onAction;
win.GetImage = getImage;
