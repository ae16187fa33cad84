import type { Locator, Page } from '@playwright/test';

/** Sets a range input as a user's drag would: Playwright cannot fill those, so this sets the value and fires
 * the `input` event the page listens to. */
export async function slide(input: Locator, value: number) {
  await input.evaluate((el, v) => {
    const range = el as HTMLInputElement;
    range.value = String(v);
    range.dispatchEvent(new Event('input', { bubbles: true }));
  }, value);
}

/** Types a value into a number field and commits it (the page reads number fields on `change`). */
export async function typeNumber(input: Locator, value: number | string) {
  await input.fill(String(value));
  await input.dispatchEvent('change');
}

/** Empties a field and commits it: what a user who deletes the number and leaves the field does. */
export async function clearField(input: Locator) {
  await input.evaluate((el) => {
    (el as HTMLInputElement).value = '';
    el.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

/** An attribute read as a number (NaN when it is missing). */
export async function numberAttribute(el: Locator, name: string): Promise<number> {
  const v = await el.getAttribute(name);
  return v === null || v === '' ? NaN : Number(v);
}

/** An element's text, trimmed. */
export async function text(el: Locator): Promise<string> {
  return ((await el.textContent()) ?? '').trim();
}

/** Resolves once the browser has painted the next frame: two animation frames (the first draws what was just
 * changed, the second starts after that frame is on screen) and then a task. */
export async function nextPaint(page: Page) {
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const c = new MessageChannel();
            c.port1.onmessage = () => resolve();
            c.port2.postMessage(0);
          }),
        ),
      ),
  );
}

/** Clicks something that saves a file and returns the download's name and contents. */
export async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; body: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const stream = await file.createReadStream();
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return { name: file.suggestedFilename(), body: Buffer.concat(chunks) };
}
