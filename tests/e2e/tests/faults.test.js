// A backend that fails every way real ones do. For each fault the reader gets a clear message
// (with a way to retry where retrying can help), nothing panics, and the rest of the site keeps
// working: menu, other pages, the back button.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, configWithSource, openPage, serve, setup, nearStoryEnd } from '../harness.js';

const LIST = '/content/lists/latest/1.json';
const real = readFileSync(join(DIST, LIST));
const emptyList = JSON.stringify({ page: 1, total_pages: 1, total: 0, items: [] });

/** What the faulty backend does to the home page's list, switchable per test. */
const faults = {
  none: null,
  500: (res) => { res.writeHead(500); res.end('Internal error'); },
  404: (res) => { res.writeHead(404); res.end('missing'); },
  403: (res) => { res.writeHead(403, { 'content-type': 'application/json' }); res.end('{"error":"forbidden"}'); },
  401: (res) => { res.writeHead(401); res.end(); },
  hang: () => {}, // never answers
  slow: (res) => setTimeout(() => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(real); }, 2500),
  truncated: (res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(real.subarray(0, 300)); },
  'wrong types': (res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end('{"page":"one","total_pages":[],"total":null,"items":{}}'); },
  huge: (res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(20 * 1024 * 1024) });
    res.end(Buffer.alloc(20 * 1024 * 1024, 32));
  },
  'huge without length': (res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(Buffer.alloc(20 * 1024 * 1024, 32));
  },
  empty: (res) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(emptyList); },
};
let fault = null;
const handler = (req, res) => {
  if (!fault || new URL(req.url, 'http://x').pathname !== LIST) return false;
  fault(res);
  return true;
};

const config = configWithSource({ kind: 'static', url: '/content/', timeout_seconds: 4 });

test('backend faults', async (t) => {
  const { server, browser } = await setup(t, { handler, overrides: { '/config.json': config } });
  const home = async (name, expect) => {
    fault = faults[name];
    const page = await openPage(browser);
    await page.goto(server.origin + '/');
    await expect(page);
    // The rest of the site works: the menu leads to another page, and back returns to the
    // stories, now that the backend has recovered: no failed answer was kept (an empty list is a
    // valid answer, kept for the session like any other).
    fault = null;
    await page.locator('.main-menu a', { hasText: 'Politics' }).click();
    await page.locator('.archive-header h1').waitFor();
    // The address changes just after the new page is painted (src/router.rs): Back waits for it.
    await page.waitForURL('**/category/politics');
    await page.goBack();
    await page.waitForURL(server.origin + '/');
    if (name !== 'empty') await page.locator('.lead-story').waitFor();
    return page;
  };
  // A test closes its page when done, so that no request of it meets the next test's fault.
  const done = async (page, allowed = []) => {
    page.assertClean(allowed);
    await page.close();
  };
  const failsWith = (message, { retry }) => async (page) => {
    await page.locator('.load-failed').waitFor({ timeout: 15_000 });
    assert.match(await page.locator('.load-failed p').first().innerText(), message);
    assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), retry ? 1 : 0);
    if (retry) {
      fault = null;
      await page.getByRole('button', { name: 'Try again' }).click();
      await page.locator('.lead-story').waitFor();
    }
  };

  for (const [name, message, retry, allowed] of [
    ['500', /had a problem \(error 500\)/, true, 'HTTP 500'],
    ['404', /could not find/, false, 'HTTP 404'],
    ['403', /refused access/, false, 'HTTP 403'],
    ['401', /refused access/, false, 'HTTP 401'],
    ['hang', /took too long/, true, null],
    ['truncated', /cannot read/, false, null],
    ['wrong types', /cannot read .*invalid type/, false, null],
    ['huge', /more data than this page can handle/, false, null],
    ['huge without length', /more data than this page can handle/, false, null],
  ]) {
    await t.test(`${name}: "${message.source}"${retry ? ' with a retry that works' : ''}`, async () => {
      const page = await home(name, name === '404'
        ? async (p) => { await p.locator('.not-found h1').waitFor(); }
        : failsWith(message, { retry }));
      await done(page, allowed ? [`${allowed}: ${server.origin}${LIST}`] : []);
    });
  }

  await t.test('a slow answer shows placeholders, then the stories', async () => {
    const page = await home('slow', async (p) => {
      await p.locator('.skeleton[aria-busy=true]').first().waitFor();
      await p.locator('.lead-story').waitFor();
    });
    await done(page);
  });

  await t.test('an empty list says so', async () => {
    const page = await home('empty', async (p) => {
      await p.locator('.empty').first().waitFor();
      assert.equal(await p.locator('.front-page, .empty').first().innerText(), 'No stories have been published yet.');
    });
    await done(page);
  });

  await t.test('no network: a clear message, and Try again works once back online', async () => {
    fault = null;
    const page = await openPage(browser);
    await page.goto(server.origin + '/');
    await page.locator('.lead-story').waitFor();
    await browser.context.setOffline(true);
    try {
      await page.locator('.main-menu a', { hasText: 'Tipsheet' }).click();
      await page.locator('.load-failed').waitFor({ timeout: 15_000 });
      assert.match(await page.locator('.load-failed p').first().innerText(), /could not be reached/);
      await page.waitForURL((address) => address.pathname !== '/');
      // Pages already read still open from memory.
      await page.goBack();
      await page.locator('.lead-story').waitFor();
      await page.goForward();
      await page.locator('.load-failed').waitFor();
    } finally {
      await browser.context.setOffline(false);
    }
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('.archive-header h1').waitFor();
    assert.equal(await page.locator('.archive-header h1').innerText(), 'Tipsheet');
    page.assertClean();
  });

  await t.test('a backend that refuses CORS is a network error with a retry', async () => {
    // The same content on another origin that sends no Access-Control-Allow-Origin.
    const other = await serve();
    const refused = await serve({ overrides: { '/config.json': configWithSource({ kind: 'static', url: `${other.origin}/content/`, timeout_seconds: 2 }) } });
    try {
      const page = await openPage(browser);
      await page.goto(refused.origin + '/');
      await page.locator('.load-failed').waitFor({ timeout: 15_000 });
      assert.match(await page.locator('.load-failed p').first().innerText(), /could not be reached/);
      assert.equal(await page.getByRole('button', { name: 'Try again' }).count(), 1);
      page.assertClean(['CORS policy']);
    } finally {
      await refused.close();
      await other.close();
    }
  });

  await t.test('missing pictures keep their reserved space and break nothing', async () => {
    fault = null;
    const page = await openPage(browser);
    await page.route('**/content/images/**', (route) => route.fulfill({ status: 404, body: '' }));
    await page.goto(server.origin + '/article/state-budget-deal-ends-three-week-standoff');
    await page.locator('.article h1').waitFor();
    const box = await page.locator('.hero img').boundingBox();
    assert.ok(box && box.height > 100, 'the hero keeps its box');
    page.assertClean(['/content/images/']);
  });
});

test('stored data that cannot be read is reset, not fatal', async (t) => {
  const { server, browser } = await setup(t, {
    overrides: { '/config.json': configWithSource({ kind: 'static', url: '/content/', comments_url: '/api/comments' }) },
  });
  const page = await openPage(browser);
  await page.addInitScript(() => {
    localStorage.setItem('broadsheet:commenter:/content/', '{not json');
    localStorage.setItem('broadsheet:draft:/content/:a26:top', '42');
  });
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.goto(server.origin + '/article/ostrowski-wins-governor-race');
  await nearStoryEnd(page);
  await page.locator('.comment').first().waitFor();
  await page.locator('form.comment-form').waitFor();
  assert.equal(warnings.filter((w) => w.includes('discarding unreadable stored')).length, 2, warnings.join('\n'));
  assert.equal(await page.evaluate(() => localStorage.getItem('broadsheet:commenter:/content/')), null, 'the bad value is gone');
  assert.equal(await page.locator('form.comment-form').getByLabel('Name').inputValue(), '');
  page.assertClean();
});
