import { expect, test } from '../pages/test';
import { AppPage } from '../pages/app-page';

test('each sensor opens to its figures and their source', async ({ page }) => {
  const app = new AppPage(page);
  const sensors = app.sensors;
  await app.gotoApp();
  const details = sensors.details(sensors.rows.first());
  await expect(details.figures).toBeHidden();
  await details.open();
  await expect(details.figures).toBeVisible();
  const labels = await details.labels();
  expect(labels).toContain('Update interval');
  expect(labels).toContain('Source');
  // A radar says how far it sees a 1 m² target.
  const radars = sensors.rowsWithFigure('Instrumented range');
  await sensors.openAllDetails();
  expect(await radars.count()).toBeGreaterThan(5);
  await expect(sensors.details(radars.first()).value('Instrumented range')).toContainText('km');
});
