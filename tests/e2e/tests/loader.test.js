// index.html's loader: dist/ holds one binary per backend, and a page downloads only the one for
// config.json's `source.kind`; anything else starts the static binary, which shows the config
// error page. The backends' own behaviour is in their test files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, configWithSource, launchBrowser, openPage, serve, wordpressEnv } from '../harness.js';
import { GHOST_KEY, ghostHandler } from '../fakes/ghost.js';
import { jsonFeedHandler } from '../fakes/jsonfeed.js';

const index = readFileSync(join(DIST, 'index.html'), 'utf8');

/**
 * Opens the homepage of a server started with `options` and waits for `ready`: answers the app
 * files the page requested (`static.js`, `static_bg.wasm`, …) and how often it asked for config.json.
 */
async function load(browser, options, ready, allowed = []) {
  const server = await serve(options);
  try {
    const page = await openPage(browser);
    const binaries = [];
    let configRequests = 0;
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      const binary = path.match(/^\/broadsheet-([a-z]+)-[0-9a-f]+(\.js|_bg\.wasm)$/);
      if (binary) binaries.push(binary[1] + binary[2]);
      if (path === '/config.json') configRequests += 1;
    });
    await page.goto(server.origin + '/');
    await page.locator(ready).first().waitFor();
    page.assertClean(allowed);
    await page.close();
    return { binaries: binaries.sort(), configRequests };
  } finally {
    await server.close();
  }
}

const only = (kind) => [`${kind}.js`, `${kind}_bg.wasm`];

test('one binary per backend', async (t) => {
  const browser = await launchBrowser();
  t.after(() => browser.close());

  await t.test('the build has the four, and the page names no binary before it has read config.json', () => {
    const variants = JSON.parse(index.match(/const VARIANTS = (\{.*?\});/)[1]);
    assert.deepEqual(Object.keys(variants).sort(), ['ghost', 'jsonfeed', 'static', 'wordpress']);
    assert.doesNotMatch(index, /(href|src)="[^"]*broadsheet-/, 'no preload or script of one binary');
  });

  await t.test('a static config loads the static binary only, and config.json once', async () => {
    const { binaries, configRequests } = await load(browser, {}, '.lead-story');
    assert.deepEqual(binaries, only('static'));
    assert.equal(configRequests, 1, 'the app takes the text the loader read');
  });

  await t.test('a WordPress config loads the WordPress binary only', async () => {
    const source = { kind: 'wordpress', url: wordpressEnv().url };
    const { binaries } = await load(browser, { overrides: { '/config.json': configWithSource(source) } }, '.lead-story');
    assert.deepEqual(binaries, only('wordpress'));
  });

  await t.test('a Ghost config loads the Ghost binary only', async () => {
    const ghost = await serve({ handler: ghostHandler() });
    t.after(() => ghost.close());
    const source = { kind: 'ghost', url: `${ghost.origin}/`, key: GHOST_KEY };
    // The fake Ghost's own tags: the shipped home sections are the demo's.
    const config = configWithSource(source, { home: { sections: ['harbour'] } });
    const { binaries } = await load(browser, { overrides: { '/config.json': config } }, '.lead-story');
    assert.deepEqual(binaries, only('ghost'));
  });

  await t.test('a JSON Feed config loads the JSON Feed binary only', async () => {
    const options = { handler: jsonFeedHandler(), overrides: { '/config.json': configWithSource({ kind: 'jsonfeed', url: '/feed.json' }) } };
    const { binaries } = await load(browser, options, '.lead-story');
    assert.deepEqual(binaries, only('jsonfeed'));
  });

  await t.test('an unknown kind starts the static binary, which shows the config error page', async () => {
    const { binaries } = await load(browser, { overrides: { '/config.json': configWithSource({ kind: 'drupal', url: '/x/' }) } }, '.config-error');
    assert.deepEqual(binaries, only('static'));
  });

  await t.test('a binary without the configured backend says so instead of starting', async () => {
    // A page whose loader maps WordPress to the static binary: files from two builds mixed up.
    const variants = JSON.parse(index.match(/const VARIANTS = (\{.*?\});/)[1]);
    const mixed = index.replace(variants.wordpress, variants.static);
    const server = await serve({
      overrides: {
        '/': { body: mixed, type: 'text/html' },
        '/config.json': configWithSource({ kind: 'wordpress', url: 'https://wordpress.example/' }),
      },
    });
    try {
      const page = await openPage(browser);
      await page.goto(server.origin + '/');
      await page.locator('.config-error').waitFor();
      assert.match(await page.locator('.config-error .summary').innerText(), /built without the backend that config\.json names/);
      assert.match(await page.locator('.config-error .detail').innerText(), /`source\.kind`/);
      page.assertClean();
    } finally {
      await server.close();
    }
  });
});
