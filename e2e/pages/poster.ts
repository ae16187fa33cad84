import type { Locator, Page } from '@playwright/test';

/** What a reader without JavaScript or WebAssembly sees: a still of the picture with its caption. */
export class Poster {
  readonly figure: Locator;
  readonly image: Locator;
  readonly caption: Locator;

  constructor(page: Page) {
    this.figure = page.locator('figure.poster');
    this.image = this.figure.locator('img');
    this.caption = this.figure.locator('figcaption');
  }

  /** Whether the still has loaded (its natural width), not just been placed. */
  async imageLoaded(): Promise<boolean> {
    return this.image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0);
  }
}

/** The parts of the page a printed copy must hold, and some it must leave out. */
export class PrintView {
  readonly map: Locator;
  readonly legend: Locator;
  readonly nowLine: Locator;
  readonly zones: Locator;
  readonly comparison: Locator;
  /** Left out: the controls, and the SIAP measures (on screen and in the CSV). */
  readonly controls: Locator[];

  constructor(page: Page) {
    this.map = page.locator('svg.map-svg').first();
    this.legend = page.locator('.map-legend').first();
    this.nowLine = page.locator('.now-line');
    this.zones = page.locator('.clockbar .zones');
    this.comparison = page.locator('.pictures-panel table.comparison');
    this.controls = [
      page.locator('.export-panel'),
      page.locator('.topbar button').first(),
      page.locator('.clockbar .scrubber'),
      page.locator('.sensors-panel'),
      page.locator('.pictures-panel .siap-table'),
    ];
  }
}
