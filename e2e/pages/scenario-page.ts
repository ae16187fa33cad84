import { expect, type Locator, type Page } from '@playwright/test';
import { AppPage } from './app-page';

/** The app driven through its scenario editor: presets, launches, import/export, share and embed. */
export class ScenarioPage extends AppPage {
  readonly scenario: Locator;
  readonly launchRows: Locator;
  readonly error: Locator;
  readonly notice: Locator;

  constructor(page: Page) {
    super(page);
    this.scenario = page.locator('.scenario-editor');
    this.launchRows = page.locator('.launch-list tbody tr');
    this.error = page.locator('.scenario-error');
    this.notice = page.locator('.scenario-notice');
  }

  async preset(id: string) {
    await this.page.locator('select[name="preset"]').selectOption(id);
  }

  /** The page writes the address bar once an edit's frame has painted (two animation frames and a task):
   * this waits past that. */
  async addressBarWritten() {
    await this.page.evaluate(
      () => new Promise<void>((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50)))),
    );
  }

  async addLaunch() {
    await this.page.locator('button.add-launch').click();
  }

  /** Each launch's label and time (s after the scenario start), in order. */
  async launches(): Promise<{ label: string; time: number }[]> {
    return this.launchRows.evaluateAll((rows) =>
      rows.map((r) => ({
        label: r.querySelector('.select-launch')?.textContent ?? '',
        time: Number((r.querySelector('input[type="number"]') as HTMLInputElement).value),
      })),
    );
  }

  async setLaunchTime(i: number, seconds: number | string) {
    await this.typeNumber(`launch-time-${i}`, seconds as number);
  }

  async importFile(name: string, text: string) {
    await this.page.locator('input[name="import"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** Waits until the primary picture shows tracks, then returns their screen positions. */
  async trackPositions(): Promise<string[]> {
    await expect(this.page.locator('.tracks.primary .track').first()).toBeAttached({ timeout: 20_000 });
    return this.page.locator('.tracks.primary ellipse.track-sigma').evaluateAll((es) =>
      es.map((e) => `${e.getAttribute('cx')},${e.getAttribute('cy')}`),
    );
  }

  async openShareDialog(): Promise<{ link: string; snippet: string }> {
    await this.page.locator('button.share').click();
    const dialog = this.page.locator('.embed-dialog');
    await expect(dialog).toBeVisible();
    return {
      link: await dialog.locator('input.share-link').inputValue(),
      snippet: await dialog.locator('textarea.embed-snippet').inputValue(),
    };
  }

  ship(name: string): Locator {
    return this.page.locator(`circle.ship[data-sensor="${name}"]`);
  }
}
