import { expect, type Locator, type Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage } from './app-page';

/** A news article on another origin that embeds the app with the share dialog's snippet. The article is served
 * by a second static server on another port: Chromium's local-network checks refuse a loopback frame inside a
 * page that Playwright fulfils itself, so it must be a real server. */
export class EmbedHost {
  readonly port: number;
  readonly origin: string;
  readonly dir = mkdtempSync(join(tmpdir(), 'embed-host-'));
  private server: ChildProcess | undefined;

  constructor(port: number) {
    this.port = port;
    this.origin = `http://127.0.0.1:${port}`;
  }

  /** Starts the server and waits until it answers (at most 5 s). */
  async start() {
    this.server = spawn('python3', ['-m', 'http.server', String(this.port), '--bind', '127.0.0.1', '--directory', this.dir], {
      stdio: 'ignore',
    });
    const deadline = Date.now() + 5_000;
    for (;;) {
      try {
        await fetch(`${this.origin}/`);
        return;
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`the host page server on port ${this.port} did not start: ${e}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    }
  }

  stop() {
    this.server?.kill();
  }

  /** Writes an article holding `snippet` in a column `width` px wide (the snippet keeps its shape) and opens
   * it. The article records every message of the host-page API the frame posts (`window.heard`) and can post
   * commands to it (`window.tell`). */
  async open(page: Page, snippet: string, width: number): Promise<EmbeddedApp> {
    const listen = `<script>window.heard = []; addEventListener('message', (e) => { if (e.data && e.data.sharedPicture) window.heard.push(e.data); });
window.tell = (m) => document.querySelector('iframe').contentWindow.postMessage(m, '*');</script>`;
    writeFileSync(
      join(this.dir, 'host.html'),
      `<!doctype html><html><head>${listen}</head><body style="margin:0"><h1>A news article</h1><div style="width:${width}px">${snippet}</div></body></html>`,
    );
    await page.goto(`${this.origin}/host.html?w=${width}`);
    return new EmbeddedApp(page);
  }
}

/** The scrolling story of docs/embed/ (a host page driving an embed as its sections scroll into view), with
 * its frame pointed at the app under test. */
export class StoryPage {
  readonly page: Page;
  readonly embed: EmbeddedApp;
  readonly sections: Locator;
  readonly log: Locator;
  readonly status: Locator;

  constructor(page: Page) {
    this.page = page;
    this.embed = new EmbeddedApp(page);
    this.sections = page.locator('section[data-commands]');
    this.log = page.getByRole('list', { name: 'What the embed said' });
    this.status = page.locator('#status');
  }

  /** Copies the story beside the host's article, its frame on `appUrl` (the app's address), and opens it. */
  static async open(host: EmbedHost, page: Page, appUrl: string): Promise<StoryPage> {
    const docs = join(__dirname, '..', '..', 'docs', 'embed');
    for (const f of ['story.js', 'story.css']) writeFileSync(join(host.dir, f), readFileSync(join(docs, f)));
    const html = readFileSync(join(docs, 'story.html'), 'utf8').replace('http://127.0.0.1:8080/', appUrl);
    writeFileSync(join(host.dir, 'story.html'), html);
    await page.goto(`${host.origin}/story.html`);
    return new StoryPage(page);
  }

  /** Scrolls section `i` to the middle of the window. */
  async scrollTo(i: number) {
    await this.sections.nth(i).evaluate((s) => s.scrollIntoView({ block: 'center' }));
  }
}

/** A message of the host-page API (docs/embed.md). */
export type ApiEvent = { sharedPicture: number; event: string; [field: string]: unknown };

/** The `src` of an embed snippet, as a browser reads the attribute. */
export function snippetSrc(snippet: string): string {
  return snippet.match(/src="([^"]+)"/)![1].replaceAll('&amp;', '&').replaceAll('&quot;', '"');
}

/** The app inside the article's frame, and the frame itself. */
export class EmbeddedApp extends AppPage {
  readonly iframe: Locator;
  /** The title strip: the caption and the link to the full view. */
  readonly titleStrip: Locator;
  readonly caption: Locator;
  readonly openFull: Locator;
  readonly legend: Locator;

  constructor(page: Page) {
    super(page, page.frameLocator('iframe').locator(':root'));
    this.iframe = page.locator('iframe');
    this.titleStrip = this.root.locator('.embed-title');
    this.caption = this.titleStrip.locator('.embed-caption');
    this.openFull = this.root.getByRole('link', { name: 'Open the full view', exact: true });
    this.legend = this.root.locator('.map-legend');
  }

  /** Waits until the scrubber shows the pictures' first detections (the analyses are done). */
  async analysesDone() {
    await expect(this.root.locator('.clock .marker.detection').first()).toBeAttached({ timeout: 30_000 });
  }

  /** Every API message the article heard so far. */
  heard(): Promise<ApiEvent[]> {
    return this.page.evaluate(() => (window as unknown as { heard: ApiEvent[] }).heard);
  }

  /** Forgets what the article heard. */
  async forget() {
    await this.page.evaluate(() => {
      (window as unknown as { heard: ApiEvent[] }).heard = [];
    });
  }

  /** Posts a message to the embed, as the article would. */
  async tell(message: unknown) {
    await this.page.evaluate((m) => (window as unknown as { tell: (m: unknown) => void }).tell(m), message);
  }

  /** Waits until the article has heard an event matching `match` (each of its fields equal), and returns it. */
  async hears(event: string, match: Record<string, unknown> = {}): Promise<ApiEvent> {
    let found: ApiEvent | undefined;
    await expect
      .poll(async () => {
        found = (await this.heard()).find((e) => e.event === event && Object.entries(match).every(([k, v]) => e[k] === v));
        return found !== undefined;
      }, { message: `the article hears ${event} ${JSON.stringify(match)}`, timeout: 20_000 })
      .toBe(true);
    return found!;
  }
}
