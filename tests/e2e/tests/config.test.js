// A publisher's broken config.json shows a page that says what is wrong, never a blank screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, openPage, serve, launchBrowser } from '../harness.js';

const good = JSON.parse(readFileSync(join(DIST, 'config.json'), 'utf8'));
const withSource = (source) => JSON.stringify({ ...good, source });

const cases = [
  ['bad JSON', { body: '{ "site": ' }, /not valid JSON/],
  ['an unknown source kind', { body: withSource({ kind: 'drupal', url: '/x/' }) }, /`source\.kind`: expected one of "static", "wordpress", "ghost", "jsonfeed", found "drupal"/],
  ['a missing url', { body: withSource({ kind: 'static' }) }, /`source\.url`: is missing/],
  ['a missing file', { status: 404, body: 'nope', type: 'text/plain' }, /There is no file at \/config\.json/],
];

test('broken config.json', async (t) => {
  const browser = await launchBrowser();
  t.after(() => browser.close());
  for (const [name, override, message] of cases) {
    await t.test(`${name} is explained`, async () => {
      const server = await serve({ overrides: { '/config.json': override } });
      try {
        const page = await openPage(browser);
        await page.goto(`${server.origin}/article/anything`);
        await page.locator('.config-error').waitFor();
        assert.equal(await page.locator('.config-error h1').innerText(), 'This site is not set up correctly');
        assert.match(await page.locator('.config-error .detail').innerText(), message);
        page.assertClean(['HTTP 404: ' + server.origin + '/config.json']);
      } finally {
        await server.close();
      }
    });
  }
});
