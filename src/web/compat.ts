/**
 * What the page needs that Chromium 80 (UOS/Kylin browsers, 360/QQ, WPS's embedded CEF) lacks. Imported first by
 * main.tsx. Syntax is transpiled at build time (ES2019); these are the run-time APIs used unguarded by dependencies.
 */

// WeakRef (Chromium 84): Fluent's focus management (tabster, keyborg) keeps element references in it. A strong
// reference instead only keeps a detached element alive a little longer.
if (typeof (globalThis as { WeakRef?: unknown }).WeakRef === 'undefined') {
  class StrongRef<T extends object> {
    constructor(private readonly target: T) {}
    deref(): T {
      return this.target;
    }
  }
  (globalThis as { WeakRef?: unknown }).WeakRef = StrongRef;
}

export {};
