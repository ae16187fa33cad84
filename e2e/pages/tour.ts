import type { Locator } from '@playwright/test';

/** The first-visit tour: its card (a non-modal dialog above the clock bar) and the header's button. */
export class Tour {
  readonly card: Locator;
  readonly title: Locator;
  readonly count: Locator;
  readonly text: Locator;
  readonly next: Locator;
  readonly back: Locator;
  readonly skip: Locator;
  readonly done: Locator;
  readonly restart: Locator;

  constructor(root: Locator) {
    this.card = root.locator('#tour[role="dialog"]');
    this.title = this.card.locator('#tour-title');
    this.count = this.card.locator('.tour-count');
    this.text = this.card.locator('#tour-text');
    this.next = this.card.getByRole('button', { name: 'Next', exact: true });
    this.back = this.card.getByRole('button', { name: 'Back', exact: true });
    this.skip = this.card.getByRole('button', { name: 'Skip tour', exact: true });
    this.done = this.card.getByRole('button', { name: 'Done', exact: true });
    this.restart = root.locator('.topbar').getByRole('button', { name: 'Tour', exact: true });
  }
}
