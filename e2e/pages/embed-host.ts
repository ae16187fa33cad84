import type { Locator, Page } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppPage } from './app-page';

/** A news article on another origin that embeds the app with the share dialog's snippet. The article is served
 * by a second static server on another port: Chromium's local-network checks refuse a loopback frame inside a
 * page that Playwright fulfils itself, so it must be a real server. */
export class EmbedHost {
  readonly port: number;
  readonly origin: string;
  private readonly dir = mkdtempSync(join(tmpdir(), 'embed-host-'));
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

  /** Writes an article holding `snippet` (the frame resized to `width` x `height`) and opens it. */
  async open(page: Page, snippet: string, width: number, height: number): Promise<EmbeddedApp> {
    const sized = snippet.replace('width="800" height="500"', `width="${width}" height="${height}"`);
    writeFileSync(join(this.dir, 'host.html'), `<!doctype html><html><body style="margin:0"><h1>A news article</h1>${sized}</body></html>`);
    await page.goto(`${this.origin}/host.html?w=${width}`);
    return new EmbeddedApp(page);
  }
}

/** The app inside the article's frame, and the frame itself. */
export class EmbeddedApp extends AppPage {
  readonly iframe: Locator;

  constructor(page: Page) {
    super(page, page.frameLocator('iframe').locator(':root'));
    this.iframe = page.locator('iframe');
  }
}
