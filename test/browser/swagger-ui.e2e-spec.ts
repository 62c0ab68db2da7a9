import { INestApplication } from '@nestjs/common';
import { loadConfig } from '@ree/platform/config';
import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/api.module';
import { launchChromium } from '../support/browser';

/**
 * docs/decisions.md 33: the Swagger UI works from any host name, not only localhost. Its page is
 * served without `upgrade-insecure-requests`, which made a browser fetch the UI's scripts over
 * https and show a blank page; the rest of the API keeps the strict policy. Loaded in headless
 * Chromium through a host name that is not loopback, mapped to the API inside the browser.
 */
const HOST = 'review.example.test';

describe('Swagger UI in a browser', () => {
  let app: INestApplication;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    app = await createApiApp({ config: loadConfig({ NODE_ENV: 'test', DATABASE_URL: process.env.DATABASE_URL, REDIS_URL: process.env.REDIS_URL }) });
    await app.listen(0, '127.0.0.1');
    origin = `http://${HOST}:${(app.getHttpServer().address() as AddressInfo).port}`;
    browser = await launchChromium({ [HOST]: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await app?.close();
  });

  it(`lists every operation of the OpenAPI document when loaded from http://${HOST}`, async () => {
    const document = (await request(app.getHttpServer()).get('/api/docs-json')).body as { paths: Record<string, Record<string, unknown>> };
    const operations = Object.values(document.paths).reduce((count, path) => count + Object.keys(path).length, 0);
    const page = await browser.newPage();
    const failures: string[] = [];
    page.on('requestfailed', (failed) => failures.push(`${failed.url()}: ${failed.failure()?.errorText}`));
    // Chromium reports as an error that it ignores Cross-Origin-Opener-Policy over plain http; the header is for https.
    page.on('console', (message) => message.type() === 'error' && !/Cross-Origin-Opener-Policy header has been ignored/.test(message.text()) && failures.push(message.text()));
    const answer = await page.goto(`${origin}/api/docs`);
    expect(answer?.status()).toBe(200);
    await page.locator('.opblock').first().waitFor({ timeout: 60_000 });
    expect({ operations: await page.locator('.opblock').count(), failures }).toEqual({ operations, failures: [] });
    // Swagger UI breaks long paths with zero-width spaces.
    const paths = (await page.locator('.opblock-summary-path').allTextContents()).map((path) => path.replace(/\u200b/g, ''));
    expect([...new Set(paths)].sort()).toEqual(Object.keys(document.paths).sort());
    await page.close();
  });

  it('serves the UI without upgrade-insecure-requests, and every other answer with the strict policy', async () => {
    const ui = await request(app.getHttpServer()).get('/api/docs/').set('Host', HOST);
    const uiPolicy = String(ui.headers['content-security-policy']);
    expect(uiPolicy).toContain("script-src 'self'");
    expect(uiPolicy).not.toContain('upgrade-insecure-requests');
    for (const path of ['/api/v1/mines', '/health/live', '/api/docs-json', '/api/nothing-here']) {
      const answer = await request(app.getHttpServer()).get(path).set('Host', HOST);
      expect({ path, policy: answer.headers['content-security-policy'] }).toEqual({ path, policy: expect.stringContaining('upgrade-insecure-requests') });
    }
  });
});
