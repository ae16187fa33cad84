import { expect, type Locator, type Page } from '@playwright/test';

/** Where the analyses ran and what they found: the pictures panel's status line (`src/panels/analysis_status.rs`). */
export class Analyses {
  readonly status: Locator;
  readonly notice: Locator;

  constructor(readonly page: Page) {
    this.status = page.locator('.pictures-panel .analysis-status');
    this.notice = page.locator('.analysis-notice');
  }

  /** Waits until the newest request's answer is shown and returns its venue and fingerprint. */
  async settled(timeout = 60_000): Promise<{ venue: string; fingerprint: string }> {
    await expect(this.status).toHaveAttribute('data-pending', 'false', { timeout });
    await expect(this.status).toHaveAttribute('data-fingerprint', /^[0-9a-f]{16}$/, { timeout });
    return this.status.evaluate((s) => ({
      venue: (s as HTMLElement).dataset.venue ?? '',
      fingerprint: (s as HTMLElement).dataset.fingerprint ?? '',
    }));
  }
}

/** Main-thread tasks over 50 ms, recorded by the Long Tasks API from the page's first script on. */
export class LongTasks {
  constructor(readonly page: Page) {}

  /** Call before the page is opened. */
  async install() {
    await this.page.addInitScript(() => {
      const w = window as unknown as { __longTasks: number[] };
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__longTasks.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    });
  }

  /** The durations (ms) recorded since the last call, and forgets them. */
  async take(): Promise<number[]> {
    return this.page.evaluate(() => {
      const w = window as unknown as { __longTasks: number[] };
      return w.__longTasks.splice(0).map((d) => Math.round(d));
    });
  }
}

/** Slows the page's CPU as a mid-range phone would be (Chromium's CDP throttling; 4 = four times slower). */
export async function throttleCpu(page: Page, rate: number) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
}
