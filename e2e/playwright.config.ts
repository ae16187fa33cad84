import { defineConfig } from '@playwright/test';

// Debian's Chromium (never `playwright install`: it downloads a browser, which this network refuses). The
// background-networking flags keep Chromium from calling out at start.
// E2E_PORT lets several checkouts run their end-to-end tests at once.
const PORT = Number(process.env.E2E_PORT ?? 8091);

export default defineConfig({
  testDir: './tests',
  outputDir: './test-results',
  timeout: 60_000,
  workers: 1,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    viewport: { width: 1280, height: 800 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-dev-shm-usage',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--disable-quic',
        '--disable-sync',
      ],
    },
  },
  webServer: {
    // The release build that `trunk build --release` leaves in dist/, served as a plain static site at "/" and
    // under a sub-path, with the headers a host should send (the strict Content-Security-Policy among them).
    command: `node server.cjs ${PORT} ../dist`,
    url: `http://127.0.0.1:${PORT}/`,
    reuseExistingServer: false,
    timeout: 30_000,
    stdout: 'ignore',
    stderr: 'ignore',
  },
});
