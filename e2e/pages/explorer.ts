import { expect, type Locator } from '@playwright/test';
import { numberAttribute, slide, text } from './controls';

/** The explorer's sliders, by the label a screen reader reads. */
const SLIDERS = {
  'radar-height': 'Radar height',
  'target-alt': 'Target altitude',
  distance: 'Target distance from the radar',
  k: 'Refraction, effective Earth radius factor k',
} as const;
export type ExplorerSlider = keyof typeof SLIDERS;

export type WalkStep = 'korea' | 'japan' | 'refraction' | 'shared';

/** The horizon explorer, opened from the page header: its sliders, numbers, cross-section, charts and the
 * guided walk-through. */
export class Explorer {
  readonly root: Locator;
  readonly openButton: Locator;
  readonly closeButton: Locator;
  readonly radarChoice: Locator;
  readonly exaggeration: Locator;
  readonly geometricK: Locator;
  readonly standardK: Locator;
  /** The button that chooses rays traced through the atmosphere (the default). */
  readonly tracedK: Locator;
  /** The cross-section: radar, horizon rays and missile over the curved Earth. */
  readonly section: Locator;
  readonly missilePath: Locator;
  readonly rays: Locator;
  readonly userRayLabel: Locator;
  readonly riseMark: Locator;
  readonly target: Locator;
  readonly scaleNote: Locator;
  readonly formula: Locator;
  readonly charts: Locator;
  readonly horizonChart: Locator;
  readonly blakeChart: Locator;
  readonly steps: Locator;
  readonly card: Locator;
  readonly back: Locator;
  readonly next: Locator;

  constructor(root: Locator) {
    this.root = root.locator('section.explorer');
    this.openButton = root.getByRole('button', { name: 'Horizon explorer', exact: true });
    this.closeButton = this.root.getByRole('button', { name: 'Close', exact: true });
    this.radarChoice = this.root.getByRole('combobox', { name: /^Radar/ });
    this.exaggeration = this.root.getByRole('combobox', { name: /^Vertical exaggeration/ });
    this.geometricK = this.root.getByRole('button', { name: 'k = 1 (straight rays)', exact: true });
    this.standardK = this.root.getByRole('button', { name: 'k = 4/3 (low-altitude rule)', exact: true });
    this.tracedK = this.root.getByRole('button', { name: 'Traced atmosphere', exact: true });
    this.section = this.root.locator('svg.explorer-section');
    this.missilePath = this.section.locator('path.missile-path');
    this.rays = this.section.locator('path.ray');
    this.userRayLabel = this.section.locator('text.ray-label.ray-user');
    this.riseMark = this.section.locator('.rise-mark text');
    this.target = this.section.locator('circle.target');
    this.scaleNote = this.section.locator('.scale-note');
    this.formula = this.root.locator('.formula');
    this.charts = this.root.locator('.explorer-charts');
    this.horizonChart = this.charts.locator('.horizon-chart svg');
    this.blakeChart = this.charts.locator('.blake-chart svg');
    this.steps = this.root.locator('button.walk-step');
    this.card = this.root.locator('.walk-card');
    this.back = this.card.getByRole('button', { name: 'Back', exact: true });
    this.next = this.card.getByRole('button', { name: 'Next', exact: true });
  }

  /** Opens the explorer from the header and waits for its cross-section. */
  async open() {
    await this.openButton.click();
    await expect(this.root).toBeVisible();
    await expect(this.missilePath).toBeAttached();
  }

  async close() {
    await this.closeButton.click();
  }

  slider(name: ExplorerSlider): Locator {
    return this.root.getByRole('slider', { name: SLIDERS[name], exact: true });
  }

  /** A slider's value as its output shows it. */
  output(name: ExplorerSlider): Locator {
    return this.root.locator(`.slider:has(input[name="explorer-${name}"]) output`);
  }

  async set(name: ExplorerSlider, value: number) {
    await slide(this.slider(name), value);
  }

  /** A slider's value as its output holds it (exact, from data-value). */
  async value(name: ExplorerSlider): Promise<number> {
    return numberAttribute(this.output(name), 'data-value');
  }

  async outputText(name: ExplorerSlider): Promise<string> {
    return text(this.output(name));
  }

  /** A number the explorer shows: its exact value (data-value) and its text. */
  async fact(key: 'slant' | 'ground'): Promise<{ value: number; text: string }> {
    const el = this.root.locator(`.xfact[data-fact="${key}"]`);
    return { value: await numberAttribute(el, 'data-value'), text: await text(el.locator('dd')) };
  }

  /** When and how high the launch rises into the chosen radar's view. */
  async rise(): Promise<{ t: number; alt: number; text: string }> {
    const el = this.root.locator('.xfact[data-fact="rise"]');
    return {
      t: await numberAttribute(el, 'data-t-s'),
      alt: await numberAttribute(el, 'data-alt-km'),
      text: await text(el.locator('dd')),
    };
  }

  async radar(): Promise<string> {
    return this.radarChoice.inputValue();
  }

  async chooseRadar(name: string) {
    await this.radarChoice.selectOption(name);
  }

  async chooseExaggeration(times: 'auto' | '1' | '2' | '5' | '10' | '20' | '50' | '100') {
    await this.exaggeration.selectOption(times);
  }

  stepButton(id: WalkStep): Locator {
    return this.root.locator(`button.walk-step[data-step="${id}"]`);
  }

  /** Takes one step of the walk-through and waits for its card. */
  async step(id: WalkStep) {
    await this.stepButton(id).click();
    await expect(this.card).toHaveAttribute('data-step', id);
  }

  async stepFact(): Promise<string> {
    return text(this.card.locator('.walk-fact'));
  }

  /** How far the explorer's content overflows it sideways, px (0 or less when it fits). */
  overflowPx(): Promise<number> {
    return this.root.evaluate((el) => el.scrollWidth - el.clientWidth);
  }
}
