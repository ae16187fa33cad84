import { type Locator, type Page } from '@playwright/test';

/** The offline copy (web/sw.js, registered by web/loader.js) as a page sees it, and its "next visit" line. */
export class OfflineCopy {
  readonly updateLine: Locator;
  readonly dismiss: Locator;

  constructor(readonly page: Page) {
    this.updateLine = page.getByRole('status').filter({ hasText: 'A new version of Shared Picture is ready' });
    this.dismiss = this.updateLine.getByRole('button', { name: 'Dismiss' });
  }

  /** The manifest as Chromium reads it (DevTools protocol): parse errors, the resolved manifest, and why the
   * page could not be installed (Playwright's contexts are incognito, which alone refuses it). */
  async manifest() {
    const cdp = await this.page.context().newCDPSession(this.page);
    const { errors, manifest } = (await cdp.send('Page.getAppManifest', {})) as unknown as {
      errors: { message: string }[];
      manifest?: { name: string; startUrl: string; scope: string; display: string; icons: { url: string }[] };
    };
    const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
    await cdp.detach();
    return { errors: errors.map((e) => e.message), manifest, installabilityErrors: installabilityErrors.map((e) => e.errorId) };
  }

  /** Waits until the page's service worker is active and returns its scope. */
  ready(): Promise<string> {
    return this.page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  }

  /** Whether a service worker answers this page's requests. */
  controlled(): Promise<boolean> {
    return this.page.evaluate(() => navigator.serviceWorker.controller !== null);
  }

  /** The paths (from the scope on) held in the cache of the worker whose scope is `scope`. */
  cachedPaths(scope: string): Promise<string[]> {
    return this.page.evaluate(async (scope) => {
      const names = (await caches.keys()).filter((n) => n.endsWith(` ${scope}`));
      const paths: string[] = [];
      for (const name of names) {
        for (const request of await (await caches.open(name)).keys()) paths.push(request.url.slice(scope.length));
      }
      return paths.sort();
    }, scope);
  }

  /** What a request to the network gives the page now, through its service worker: 'answered' or 'failed'. */
  network(): Promise<'answered' | 'failed'> {
    return this.page.evaluate(() =>
      fetch(`./not-cached-${Date.now()}.txt`).then(
        () => 'answered' as const,
        () => 'failed' as const,
      ),
    );
  }

  /** The style sheets this page names (its build's, and a next build's). */
  styleSheets(): Promise<string[]> {
    return this.page.evaluate(() =>
      Array.from(document.querySelectorAll('link[rel="stylesheet"]'), (l) => l.getAttribute('href') ?? ''),
    );
  }

  /** The value of a custom property on the root element, as the page's style sheets set it. */
  rootProperty(name: string): Promise<string> {
    return this.page.evaluate((name) => getComputedStyle(document.documentElement).getPropertyValue(name).trim(), name);
  }
}
