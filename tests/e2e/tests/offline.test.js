// The offline copy (offline/sw.js, with service workers allowed): a story read online can be read
// again offline, after a reload and by in-app navigation, with the "You are offline" notice; a new
// deploy replaces the saved copy and never leaves the old app or config.json on screen.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, openPage, setup, nearStoryEnd } from '../harness.js';

const slug = 'state-budget-deal-ends-three-week-standoff';
const story = JSON.parse(readFileSync(join(DIST, 'content/articles', `${slug}.json`), 'utf8'));
const category = story.categories[0];
const NOTICE = 'You are offline \u2014 showing a saved copy.';

/** The names of this origin's caches, once the page's worker has taken charge. */
const cacheNames = (page) => page.evaluate(async () => {
  await navigator.serviceWorker.ready;
  return caches.keys();
});
/** Waits until some cache holds a URL containing `part`. */
const waitForSaved = (page, part) => page.waitForFunction(async (part) => {
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    if ((await cache.keys()).some((request) => request.url.includes(part))) return true;
  }
  return false;
}, part, { polling: 100 });

test('offline reading', async (t) => {
  // A copy of the build, so that a test can deploy a new one over it.
  const root = mkdtempSync(join(tmpdir(), 'broadsheet-offline-'));
  cpSync(DIST, root, { recursive: true });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const { server, browser } = await setup(t, { root, serviceWorkers: 'allow' });
  const url = (path) => server.origin + path;

  await t.test('a story read online shows offline, after a reload and by navigation, with the notice', async () => {
    const page = await openPage(browser);
    await page.goto(url(`/article/${slug}`));
    await nearStoryEnd(page);
    await page.locator('.comment').first().waitFor();
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    // What the first page loaded before the worker took charge is kept too.
    for (const file of [`/content/articles/${slug}.json`, `/content/comments/${slug}.json`, '/config.json']) await waitForSaved(page, file);
    await page.locator('.breadcrumbs a', { hasText: category.name }).click();
    await page.locator('.teaser-card').first().waitFor();
    for (const file of [`/content/lists/category/${category.slug}/1.json`, '/content/categories.json']) await waitForSaved(page, file);
    await page.goBack();
    await page.locator('.article h1').waitFor();
    assert.equal(await page.locator('.offline-notice').count(), 0, 'no notice while online');

    await browser.context.setOffline(true);
    try {
      await page.reload();
      await page.locator('.article h1').waitFor();
      assert.equal(await page.locator('.article h1').innerText(), story.title);
      assert.equal(await page.locator('.offline-notice').innerText(), NOTICE);
      assert.equal(await page.locator('.offline-notice').getAttribute('role'), 'status');
      await nearStoryEnd(page);
      await page.locator('.comment').first().waitFor();
      await page.locator('.breadcrumbs a', { hasText: category.name }).click();
      await page.waitForURL(url(`/category/${category.slug}`));
      await page.locator('.teaser-card').first().waitFor();
      assert.equal(await page.locator('.offline-notice').innerText(), NOTICE);
    } finally {
      await browser.context.setOffline(false);
    }
    await page.reload();
    await page.locator('.teaser-card').first().waitFor();
    assert.equal(await page.locator('.offline-notice').count(), 0, 'online again: the network answers');
    page.assertClean();
    await page.close();
  });

  await t.test('a new deploy replaces the saved copy, the app and config.json', async () => {
    const page = await openPage(browser);
    await page.goto(url('/'));
    await page.locator('.lead-story').waitFor();
    const before = await cacheNames(page);
    // The demo's backend's binary, of the four in the build.
    const wasm = readdirSync(root).find((f) => f.startsWith('broadsheet-static-') && f.endsWith('_bg.wasm'));
    const oldStem = wasm.replace(/_bg\.wasm$/, '');
    assert.ok(before.length >= 2 && before.every((name) => name.includes(wasm)), before.join(', '));

    // The new build: the app under new hashed names, and a renamed site.
    const newStem = oldStem.replace(/-([0-9a-f]+)$/, (_, hash) => `-${[...hash].reverse().join('')}`);
    assert.notEqual(newStem, oldStem);
    renameSync(join(root, `${oldStem}.js`), join(root, `${newStem}.js`));
    renameSync(join(root, wasm), join(root, `${newStem}_bg.wasm`));
    writeFileSync(join(root, 'index.html'), readFileSync(join(root, 'index.html'), 'utf8').replaceAll(oldStem, newStem));
    const config = JSON.parse(readFileSync(join(root, 'config.json'), 'utf8'));
    writeFileSync(join(root, 'config.json'), JSON.stringify({ ...config, site: { ...config.site, name: 'Broadsheet Two' } }));

    await page.reload();
    await page.locator('.lead-story').waitFor();
    assert.equal(await page.locator('.site-name').innerText(), 'Broadsheet Two', 'config.json is never served stale');
    await page.waitForFunction(async (newWasm) => {
      const names = await caches.keys();
      return names.length >= 2 && names.every((name) => name.includes(newWasm));
    }, `${newStem}_bg.wasm`, { polling: 100 });
    const scripts = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.endsWith('.wasm')));
    assert.deepEqual(scripts.map((n) => new URL(n).pathname), [`/${newStem}_bg.wasm`], 'the new app runs');
    page.assertClean();
  });
});
