import { expect, type Locator } from '@playwright/test';
import { numberAttribute } from './controls';

/** The pictures panel: which picture the map shows and which it is compared with, and their figures. */
export class PicturesPanel {
  readonly region: Locator;
  readonly shown: Locator;
  readonly compareWith: Locator;
  readonly sideBySide: Locator;
  /** "Japan: first track T+… s", naming the shown picture (data-picture, data-first-track-s). */
  readonly summary: Locator;
  readonly comparison: Locator;
  /** One row per picture, once tracking has run. */
  readonly comparisonRows: Locator;
  /** What the panel shows once tracking has run: the comparison table, or why tracking failed. */
  readonly result: Locator;

  constructor(root: Locator) {
    this.region = root.getByRole('region', { name: 'Pictures', exact: true });
    this.shown = this.region.getByRole('combobox', { name: /^Map shows/ });
    this.compareWith = this.region.getByRole('combobox', { name: /^Compare with/ });
    this.sideBySide = this.region.getByRole('checkbox', { name: 'Side by side (two maps)', exact: true });
    this.summary = this.region.locator('.picture-summary');
    this.comparison = this.region.locator('table.comparison');
    this.comparisonRows = this.comparison.locator('tbody tr');
    this.result = this.region.locator('.comparison, .pictures-error').first();
  }

  async show(picture: string) {
    await this.shown.selectOption(picture);
  }

  async compare(picture: string) {
    await this.compareWith.selectOption(picture);
  }

  /** The shown picture's first track, s after its launch (NaN when it has none). */
  async firstTrackS(): Promise<number> {
    return numberAttribute(this.summary, 'data-first-track-s');
  }

  /** The warning time left when the picture establishes its track, s. */
  async warningS(picture: string): Promise<number> {
    await expect(this.comparison).toBeAttached();
    return numberAttribute(
      this.comparison.locator(`tr[data-picture="${picture}"] td[data-event="established"]`),
      'data-warning-s',
    );
  }

  /** One SIAP measure of a picture (`siap_completeness`...), opening the SIAP table if it is closed. */
  async siap(picture: string, key: string): Promise<number> {
    const details = this.region.locator('details.siap');
    if (!(await details.evaluate((d: HTMLDetailsElement) => d.open))) await details.locator('summary').click();
    const cell = details.locator(`tr[data-picture="${picture}"] td[data-siap="${key}"]`);
    await expect(cell).toBeVisible();
    return Number(await cell.innerText());
  }

  /** The row stating a nation's gain from sharing ("Japan: gain from sharing"). */
  gainRow(over: string): Locator {
    return this.comparison.locator('tr.gain', { hasText: over });
  }
}
