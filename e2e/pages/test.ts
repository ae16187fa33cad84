import { test as base, expect } from '@playwright/test';

/** The Content-Security-Policy violations seen in a test's browser context, from any page or frame in it. */
export interface CspViolations {
  readonly seen: string[];
  /** Forgets what was seen (for a test that provokes a violation on purpose, once it has checked it). */
  clear(): void;
}

/**
 * Playwright's `test`, failing any test during which a page of its context broke the Content-Security-Policy
 * that the test server sends (e2e/server.mjs): every spec imports `test` from here. A violation is caught twice
 * over: the document's `securitypolicyviolation` event, and Chromium's console message, which also covers what
 * the event does not reach (a worker's).
 */
export const test = base.extend<{
  csp: CspViolations;
  legendSeen: boolean;
  _legend: undefined;
  tourSeen: boolean;
  _tour: undefined;
}>({
  // A first visit opens the map's legend over the map's lower left corner. Tests that are not about the legend
  // start as a returning reader who closed it, so that it lies over nothing they point at; the legend's own
  // tests set `test.use({ legendSeen: false })`.
  legendSeen: [true, { option: true }],
  _legend: [
    async ({ context, legendSeen }, use) => {
      if (legendSeen) {
        await context.addInitScript(() => {
          try {
            if (localStorage.getItem('shared-picture-legend') === null) localStorage.setItem('shared-picture-legend', 'closed');
          } catch {
            // A sandboxed frame has no storage: the legend opens there, as it would for a reader.
          }
        });
      }
      await use(undefined);
    },
    { auto: true },
  ],
  // A first visit also opens the tour's card above the clock bar once the analyses have answered, which moves
  // the page's layout up by its height. Tests that are not about the tour start as a reader who has seen it;
  // the tour's own tests set `test.use({ tourSeen: false })`.
  tourSeen: [true, { option: true }],
  _tour: [
    async ({ context, tourSeen }, use) => {
      if (tourSeen) {
        await context.addInitScript(() => {
          try {
            if (localStorage.getItem('shared-picture-tour') === null) localStorage.setItem('shared-picture-tour', 'seen');
          } catch {
            // A sandboxed frame has no storage (and an embed has no tour).
          }
        });
      }
      await use(undefined);
    },
    { auto: true },
  ],
  csp: [
    async ({ context }, use) => {
      const seen: string[] = [];
      await context.exposeBinding('__cspViolation', ({ frame }, what: string) => {
        seen.push(`${frame.url()}: ${what}`);
      });
      await context.addInitScript(() => {
        document.addEventListener(
          'securitypolicyviolation',
          (e) => {
            const where = e.sourceFile ? ` at ${e.sourceFile}:${e.lineNumber}` : '';
            const report = (window as unknown as { __cspViolation(s: string): void }).__cspViolation;
            report(`${e.effectiveDirective} refused ${e.blockedURI || '(inline)'}${where}: ${e.sample}`);
          },
          true,
        );
      });
      context.on('console', (m) => {
        if (/Content[ -]Security[ -]Policy/i.test(m.text())) seen.push(`console ${m.type()}: ${m.text()}`);
      });
      await use({ seen, clear: () => void seen.splice(0) });
      // An event fired just before the test ended reaches the binding on the page's next task.
      await Promise.all(
        context.pages().map((p) => p.evaluate(() => new Promise((r) => setTimeout(r, 50))).catch(() => undefined)),
      );
      expect(seen, 'Content-Security-Policy violations').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };
