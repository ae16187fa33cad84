import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

export type ChartName = 'altitude-speed' | 'detection-timeline' | 'warning-time' | 'track-error';
export const CHARTS: ChartName[] = ['altitude-speed', 'detection-timeline', 'warning-time', 'track-error'];

/** The plotters charts and their clock cursors. */
export class ChartsPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  chart(name: ChartName): Locator {
    return this.page.locator(`figure.cursor-chart[data-chart="${name}"]`);
  }

  body(name: ChartName): Locator {
    return this.chart(name).locator('.plot svg');
  }

  async waitForCharts() {
    for (const name of CHARTS) await expect(this.body(name)).toBeAttached();
  }

  /** The cursor line's x (chart pixels) and the value it marks. */
  async cursor(name: ChartName): Promise<{ x: number; value: number }> {
    const line = this.chart(name).locator('.cursor-line');
    return {
      x: Number(await line.getAttribute('x1')),
      value: Number(await line.getAttribute('data-value')),
    };
  }
}
