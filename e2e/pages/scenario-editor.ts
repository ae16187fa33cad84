import { expect, type Locator, type Page } from '@playwright/test';
import { download, typeNumber } from './controls';

export type Nation = 'JP' | 'KR' | 'US';
export const NATIONS: Nation[] = ['JP', 'KR', 'US'];

/** The scenario as the page keeps it in local storage (the exported file's JSON), as far as the tests read it. */
export interface StoredScenario {
  version: number;
  launches: { missile: string }[];
}

/** The scenario editor: presets, the launch list, who reports to whom, import, export, share and embed. */
export class ScenarioEditor {
  readonly page: Page;
  readonly region: Locator;
  readonly presetChoice: Locator;
  readonly presetNote: Locator;
  readonly presetSources: Locator;
  readonly launchRows: Locator;
  readonly addLaunchButton: Locator;
  readonly exportButton: Locator;
  readonly importInput: Locator;
  readonly shareButton: Locator;
  /** Why an edit or an import was refused. */
  readonly error: Locator;
  /** What happened to a link or to storage (an unknown link version, an unreadable stored scenario, blocked
   * storage). */
  readonly notice: Locator;
  /** Says that a shared link's scenario is shown and not stored, and offers to keep it or go back. */
  readonly sharedLink: Locator;
  readonly keepButton: Locator;
  readonly backButton: Locator;
  /** Offers the stored scenario that could not be opened, as it was. */
  readonly downloadUnreadableButton: Locator;
  readonly pictureLinks: PictureLinks;
  readonly shareDialog: ShareDialog;

  constructor(page: Page, root: Locator) {
    this.page = page;
    this.region = root.getByRole('region', { name: 'Scenario', exact: true });
    this.presetChoice = this.region.getByRole('combobox', { name: /^Preset/ });
    this.presetNote = this.region.locator('.preset-note');
    this.presetSources = this.presetNote.locator('.sources');
    this.launchRows = this.region.getByRole('table', { name: 'Launches', exact: true }).locator('tbody tr');
    this.addLaunchButton = this.region.getByRole('button', { name: 'Add launch', exact: true });
    this.exportButton = this.region.getByRole('button', { name: 'Export', exact: true });
    this.importInput = this.region.getByLabel('Import', { exact: true });
    this.shareButton = this.region.getByRole('button', { name: 'Share / Embed', exact: true });
    this.error = this.region.locator('.scenario-error');
    this.notice = this.region.locator('.scenario-notice');
    this.sharedLink = this.region.getByRole('status').filter({ hasText: 'You are viewing a shared link' });
    this.keepButton = this.sharedLink.getByRole('button', { name: 'Keep this scenario', exact: true });
    this.backButton = this.sharedLink.getByRole('button', { name: 'Back to my scenario', exact: true });
    this.downloadUnreadableButton = this.region.getByRole('button', { name: 'Download the unreadable scenario', exact: true });
    this.pictureLinks = new PictureLinks(this.region.locator('details.picture-links'));
    this.shareDialog = new ShareDialog(this.region.getByRole('dialog', { name: 'Share and embed', exact: true }));
  }

  async preset(id: string) {
    await this.presetChoice.selectOption(id);
  }

  async addLaunch() {
    await this.addLaunchButton.click();
  }

  /** Makes launch `i` (from 0) the one the launch editor edits. */
  async selectLaunch(i: number) {
    await this.launchRows.nth(i).locator('button.select-launch').click();
  }

  launchTime(i: number): Locator {
    return this.region.getByLabel(`Launch ${i + 1} time, seconds after the scenario start`, { exact: true });
  }

  async setLaunchTime(i: number, seconds: number | string) {
    await typeNumber(this.launchTime(i), seconds);
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

  async launchTimes(): Promise<number[]> {
    return (await this.launches()).map((l) => l.time);
  }

  async importFile(name: string, text: string) {
    await this.importInput.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  /** Exports the scenario and returns the file's text. */
  async exportFile(): Promise<string> {
    const file = await download(this.page, () => this.exportButton.click());
    return file.body.toString('utf8');
  }

  /** The share link and the embed snippet, as the share dialog shows them (the dialog stays open). */
  async openShareDialog(): Promise<{ link: string; snippet: string }> {
    await this.shareButton.click();
    await expect(this.shareDialog.root).toBeVisible();
    return { link: await this.shareDialog.link.inputValue(), snippet: await this.shareDialog.snippet.inputValue() };
  }

  /** Waits until the address bar holds the scenario at this moment: the page writes it once an edit's frame
   * has painted, and it is then the share dialog's link. */
  async addressBarWritten() {
    const { link } = await this.openShareDialog();
    await this.shareDialog.close();
    await expect.poll(() => this.page.url()).toBe(link);
  }

  /** The scenario in local storage (null if none has been stored). */
  async stored(): Promise<StoredScenario | null> {
    const json = await this.page.evaluate(() => localStorage.getItem('shared-picture.scenario'));
    return json === null ? null : (JSON.parse(json) as StoredScenario);
  }

  /** The stored scenario's text, exactly as stored. */
  storedText(): Promise<string | null> {
    return this.page.evaluate(() => localStorage.getItem('shared-picture.scenario'));
  }

  /** Replaces the stored scenario's text (as another version of the page, or damage, would leave it). */
  async store(text: string) {
    await this.page.evaluate((t) => localStorage.setItem('shared-picture.scenario', t), text);
  }

  /** The copy of an unreadable stored scenario that the page set aside (null if none). */
  asideText(): Promise<string | null> {
    return this.page.evaluate(() => localStorage.getItem('shared-picture.scenario.unreadable'));
  }

  /** Downloads the unreadable stored scenario and returns the file's name and text. */
  async downloadUnreadable(): Promise<{ name: string; text: string }> {
    const file = await download(this.page, () => this.downloadUnreadableButton.click());
    return { name: file.name, text: file.body.toString('utf8') };
  }

  /** Opens a link in the open page, as pasting it into the address bar does: only the fragment changes. */
  async openInPlace(link: string) {
    await this.page.evaluate((u) => { location.hash = new URL(u).hash; }, link);
  }

  /** Waits until the address bar and local storage both hold the scenario as it is now (both are written once
   * an edit's frame has painted; storage first). */
  async saved() {
    await this.addressBarWritten();
    const count = await this.launchRows.count();
    await expect.poll(async () => (await this.stored())?.launches.length).toBe(count);
  }
}

/** Who reports to each picture, and how late: one row per picture, a checkbox and a latency per nation. */
export class PictureLinks {
  readonly root: Locator;
  readonly summary: Locator;
  readonly rows: Locator;

  constructor(root: Locator) {
    this.root = root;
    this.summary = root.locator('summary');
    this.rows = root.locator('tbody tr');
  }

  async open() {
    await this.summary.click();
  }

  /** The pictures, in the table's order. */
  pictures(): Promise<string[]> {
    return this.rows.evaluateAll((rs) => rs.map((r) => r.getAttribute('data-picture') ?? ''));
  }

  reports(nation: Nation, picture: string): Locator {
    return this.root.getByRole('checkbox', { name: `${nation} reports to ${picture}`, exact: true });
  }

  latency(nation: Nation, picture: string): Locator {
    return this.root.getByLabel(`Latency from ${nation} to ${picture}, seconds`, { exact: true });
  }

  async setLatency(nation: Nation, picture: string, seconds: number) {
    await typeNumber(this.latency(nation, picture), seconds);
  }
}

/** The share dialog: the link to the scenario at this moment, and the iframe snippet. */
export class ShareDialog {
  readonly root: Locator;
  readonly link: Locator;
  readonly snippet: Locator;
  readonly closeButton: Locator;
  readonly autoplay: Locator;
  readonly loop: Locator;
  readonly hideLegend: Locator;
  readonly caption: Locator;
  readonly origin: Locator;
  readonly optionError: Locator;
  readonly preview: Locator;

  constructor(root: Locator) {
    this.root = root;
    this.link = root.getByLabel('Link to this scenario at this moment', { exact: true });
    this.snippet = root.getByLabel('Embed in a page', { exact: true });
    this.autoplay = root.getByLabel('Play at once', { exact: true });
    this.loop = root.getByLabel('Loop', { exact: true });
    this.hideLegend = root.getByLabel('Hide the legend', { exact: true });
    this.caption = root.getByLabel('Caption', { exact: true });
    this.origin = root.getByLabel('Page that may drive it (origin, or *)', { exact: true });
    this.optionError = root.locator('.scenario-error');
    this.preview = root.locator('iframe.embed-preview');
    this.closeButton = root.getByRole('button', { name: 'Close', exact: true });
  }

  async close() {
    await this.closeButton.click();
    await expect(this.root).toBeHidden();
  }
}
