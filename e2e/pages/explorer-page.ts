import { expect, type Locator, type Page } from '@playwright/test';
import { execFileSync } from 'child_process';
import * as path from 'path';
import { AppPage } from './app-page';

/** The repository root, where `cargo run -p picture-cli` runs. */
const REPO = path.resolve(__dirname, '..', '..');

/** Runs the `picture` command line and parses its JSON output. */
export function picture<T>(args: string[]): T {
  const out = execFileSync('cargo', ['run', '-q', '-p', 'picture-cli', '--', ...args, '--json'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  return JSON.parse(out) as T;
}

export interface HorizonOut {
  slant_range_km: number;
  ground_range_km: number;
}

export interface DetectRow {
  sensor: string;
  nation: string;
  above_horizon_s: number | null;
}

/** The horizon explorer, opened from the page header. */
export class ExplorerPage extends AppPage {
  readonly explorer: Locator;
  readonly section: Locator;
  readonly card: Locator;

  constructor(page: Page) {
    super(page);
    this.explorer = page.locator('section.explorer');
    this.section = page.locator('svg.explorer-section');
    this.card = page.locator('.walk-card');
  }

  async open() {
    await this.gotoApp();
    await this.page.getByRole('button', { name: 'Horizon explorer' }).click();
    await expect(this.explorer).toBeVisible();
    await expect(this.section.locator('path.missile-path')).toBeAttached();
  }

  /** A number the explorer shows: its exact value (data-value) and its text. */
  async fact(key: 'slant' | 'ground'): Promise<{ value: number; text: string }> {
    const el = this.page.locator(`.xfact[data-fact="${key}"]`);
    return {
      value: Number(await el.getAttribute('data-value')),
      text: ((await el.locator('dd').textContent()) ?? '').trim(),
    };
  }

  async riseText(): Promise<string> {
    return ((await this.page.locator('.xfact[data-fact="rise"] dd').textContent()) ?? '').trim();
  }

  async rise(): Promise<{ t: number; alt: number }> {
    const el = this.page.locator('.xfact[data-fact="rise"]');
    return { t: Number(await el.getAttribute('data-t-s')), alt: Number(await el.getAttribute('data-alt-km')) };
  }

  /** An explorer slider's value as its output shows it (exact, from data-value). */
  async sliderValue(name: string): Promise<number> {
    const out = this.page.locator(`.slider:has(input[name="${name}"]) output`);
    return Number(await out.getAttribute('data-value'));
  }

  async outputText(name: string): Promise<string> {
    return ((await this.page.locator(`.slider:has(input[name="${name}"]) output`).textContent()) ?? '').trim();
  }

  async radar(): Promise<string> {
    return this.page.locator('select[name="explorer-radar"]').inputValue();
  }

  async chooseRadar(name: string) {
    await this.page.locator('select[name="explorer-radar"]').selectOption(name);
  }

  async step(id: string) {
    await this.page.locator(`button.walk-step[data-step="${id}"]`).click();
    await expect(this.card).toHaveAttribute('data-step', id);
  }

  async stepFact(): Promise<string> {
    return ((await this.card.locator('.walk-fact').textContent()) ?? '').trim();
  }

  /** The clock, seconds after launch, as the scrubber holds it (whole seconds). */
  async clock(): Promise<number> {
    return Number(await this.page.locator('.clock .scrubber').inputValue());
  }
}
