import type { Locator } from '@playwright/test';

/** The picture log: the selected launch's events up to the clock, and the live region that announces them. */
export class PictureLog {
  readonly region: Locator;
  readonly toggle: Locator;
  readonly items: Locator;
  readonly announcer: Locator;

  constructor(root: Locator) {
    this.region = root.getByRole('region', { name: 'Picture log', exact: true });
    this.toggle = this.region.locator('summary');
    this.items = this.region.getByRole('listitem');
    this.announcer = this.region.locator('[aria-live="polite"]');
  }

  async open() {
    await this.toggle.click();
  }

  async texts(): Promise<string[]> {
    return this.items.allTextContents();
  }
}
