import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type BrowserContext } from 'playwright-core';
import { createTestApp } from '../support/test-app';

/** Debian's chromium (`apt-get install chromium`); `CHROMIUM_PATH` overrides. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let server: Server;
let browser: BrowserContext;
let baseUrl: string;
let profile: string;

beforeAll(async () => {
  // PUBLIC_URL must be the address the browser calls, so bind first, then build the app on that port.
  const probe = await new Promise<Server>((resolve) => {
    const s = createTestApp().listen(0, '127.0.0.1', () => resolve(s));
  });
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  baseUrl = `http://127.0.0.1:${port}`;
  server = await new Promise<Server>((resolve) => {
    const s = createTestApp({ config: { publicUrl: baseUrl } }).listen(port, '127.0.0.1', () => resolve(s));
  });
  if (!fs.existsSync(CHROMIUM))
    throw new Error(
      `the /docs page test needs Chromium at ${CHROMIUM}: apt-get install chromium (or set CHROMIUM_PATH)`,
    );
  profile = fs.mkdtempSync(path.join(os.tmpdir(), 'beacon-docs-chromium-'));
  // A fresh profile (Playwright passes it as --user-data-dir); root in CI needs --no-sandbox.
  browser = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
});

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
  if (profile) fs.rmSync(profile, { recursive: true, force: true });
});

describe('the /docs page in headless Chromium', () => {
  test('when the v2 example of POST /catalogs is executed from the page, then a 200 with result sets appears', async () => {
    const page = await browser.newPage();
    const outside: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(baseUrl) && !r.url().startsWith('data:')) outside.push(r.url());
    });
    await page.goto(`${baseUrl}/docs`);
    const operation = page.locator('#operations-catalogs-postCatalogs');
    await operation.locator('.opblock-summary').click();
    await operation.locator('.examples-select select').selectOption('v2');
    await operation.locator('button.execute').click();
    const status = operation.locator('.live-responses-table .response .response-col_status');
    await status.first().waitFor({ timeout: 15000 });
    const code = await status.first().textContent();
    const body = await operation.locator('.live-responses-table .response-col_description pre').first().textContent();
    await page.close();
    expect(code?.trim()).toBe('200');
    const answer = JSON.parse(body ?? '{}');
    expect(answer.meta.returnedSchemas[0].schema).toBe('ejprd-resources-v2.0.0');
    expect(answer.response.resultSets[0].results.length).toBeGreaterThan(0);
    expect(outside).toEqual([]);
  });
});
