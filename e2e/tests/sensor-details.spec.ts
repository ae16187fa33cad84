import { expect, test } from '@playwright/test';
import { AppPage } from '../pages/app-page';

test('each sensor opens to its figures and their source', async ({ page }) => {
  const app = new AppPage(page);
  await app.gotoApp();
  const row = page.locator('.sensor-list tbody tr').first();
  const details = row.locator('details.sensor-details');
  await expect(details.locator('dl')).toBeHidden();
  await details.locator('summary').click();
  await expect(details.locator('dl')).toBeVisible();
  const labels = await details.locator('dt').allTextContents();
  expect(labels).toContain('Update interval');
  expect(labels).toContain('Source');
  // A radar says how far it sees a 1 m² target.
  const radar = page.locator('.sensor-list tbody tr', { has: page.locator('dt', { hasText: 'Instrumented range' }) });
  await page.locator('.sensor-list details.sensor-details summary').evaluateAll((els) => els.forEach((e) => (e as HTMLElement).click()));
  expect(await radar.count()).toBeGreaterThan(5);
  await expect(radar.first().locator('dd').nth(5)).toContainText('km');
});
