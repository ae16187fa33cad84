import { expect, type Locator } from '@playwright/test';

export type ChartName = 'altitude-speed' | 'detection-timeline' | 'warning-time' | 'track-error';
export const CHARTS: ChartName[] = ['altitude-speed', 'detection-timeline', 'warning-time', 'track-error'];

/** The plotters charts and their clock cursors. */
export class Charts {
  readonly root: Locator;

  constructor(root: Locator) {
    this.root = root;
  }

  chart(name: ChartName): Locator {
    return this.root.locator(`figure.cursor-chart[data-chart="${name}"]`);
  }

  /** The chart as plotters drew it (an SVG). */
  body(name: ChartName): Locator {
    return this.chart(name).locator('.plot svg');
  }

  /** The cursor's overlay, drawn over the body. */
  overlay(name: ChartName): Locator {
    return this.chart(name).locator('svg.chart-cursor');
  }

  async waitForCharts() {
    for (const name of CHARTS) await expect(this.body(name)).toBeAttached();
  }

  /** Every text in a chart (axis labels, legend, row labels), trimmed. */
  async texts(name: ChartName): Promise<string[]> {
    return (await this.body(name).locator('text').allTextContents()).map((t) => t.trim());
  }

  /** Every text in a chart, joined with '|' (to look for a label anywhere in it). */
  async allText(name: ChartName): Promise<string> {
    return (await this.body(name).locator('text').allTextContents()).join('|');
  }

  /** How many series (polylines) a chart draws. */
  series(name: ChartName): Promise<number> {
    return this.body(name).locator('polyline').count();
  }

  /** The chart body's markup: unchanged unless the chart was redrawn. */
  markup(name: ChartName): Promise<string> {
    return this.body(name).evaluate((e) => e.outerHTML);
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
