// The build for a sub-path (scripts/build.sh --base /news/ --dist dist-news) served by Debian's
// nginx with the snippet the build wrote: every page, link, fetch and picture stays under /news/,
// app routes answer 200, unknown paths 404, each file class gets its caching, and the
// Content-Security-Policy holds with zero violations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchBrowser, openPage, serveWithNginx, nearStoryEnd } from '../harness.js';

const DIST_NEWS = new URL('../../../dist-news/', import.meta.url).pathname;
const BUILD_HINT = 'build it first: scripts/build.sh --base /news/ --dist dist-news';
const slug = 'state-budget-deal-ends-three-week-standoff';

test('the site under /news/ on nginx', async (t) => {
  assert.ok(existsSync(join(DIST_NEWS, 'nginx-broadsheet.conf')), BUILD_HINT);
  assert.ok(readFileSync(join(DIST_NEWS, 'index.html'), 'utf8').includes('<base href="/news/"'), BUILD_HINT);
  const story = JSON.parse(readFileSync(join(DIST_NEWS, 'content/articles', `${slug}.json`), 'utf8'));
  const server = await serveWithNginx({ dist: DIST_NEWS, base: '/news/' });
  const browser = await launchBrowser();
  t.after(async () => { await browser.close(); await server.close(); });
  const url = (path) => server.origin + path;
  const get = (path, headers = {}) => fetch(url(path), { headers, redirect: 'manual' });

  const page = await openPage(browser);
  const violations = [];
  await page.exposeFunction('reportViolation', (v) => violations.push(v));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
  });
  // Every address the page names on this origin is under /news/.
  const outsideTheBase = () => page.evaluate(() => [...document.querySelectorAll('a[href], img[src], link[href], script[src]')]
    .map((e) => new URL(e.href || e.src, location.href))
    .filter((u) => u.origin === location.origin && !u.pathname.startsWith('/news/'))
    .map((u) => u.pathname));

  await t.test('home: links, pictures and data under /news/', async () => {
    const response = await page.goto(url('/news/'));
    assert.equal(response.status(), 200);
    await page.locator('.lead-story').waitFor();
    await page.locator('.category-section img').first().waitFor();
    assert.equal(await page.locator('.main-menu a').first().getAttribute('href'), '/news/');
    assert.equal(await page.locator('.main-menu a', { hasText: 'Politics' }).getAttribute('href'), '/news/category/politics');
    assert.match(await page.locator('.lead-story img').getAttribute('src'), /^\/news\/content\/images\//);
    assert.deepEqual(await outsideTheBase(), []);
    assert.equal(await page.evaluate(() => document.querySelector('base')), null, 'the app removes <base> once read');
  });

  await t.test('an article by deep link, after a reload, and its in-page links', async () => {
    const response = await page.goto(url(`/news/article/${slug}`));
    assert.equal(response.status(), 200);
    await page.locator('.article h1').waitFor();
    assert.equal(await page.locator('.article h1').innerText(), story.title);
    await page.reload();
    await nearStoryEnd(page);
    await page.locator('.comment').first().waitFor();
    await page.locator('.prev-next a').first().waitFor();
    assert.equal(await page.locator('.article h1').innerText(), story.title);
    assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), url(`/news/article/${slug}`));
    assert.deepEqual(await outsideTheBase(), []);
    // A link into the story body that names another story stays in the app, under /news/.
    const inBody = page.locator('.article-body a[href^="/news/article/"]').first();
    if (await inBody.count()) assert.match(await inBody.getAttribute('href'), /^\/news\/article\/[a-z0-9-]+$/);
    // `#` links point into the page, not at the site's folder.
    await page.locator('.toc a').first().click();
    assert.equal(new URL(page.url()).pathname, `/news/article/${slug}`);
  });

  await t.test('a category by in-app navigation, then search', async () => {
    await page.locator('.breadcrumbs a', { hasText: story.categories[0].name }).click();
    await page.waitForURL(url(`/news/category/${story.categories[0].slug}`));
    await page.locator('.teaser-card').first().waitFor();
    assert.ok(await page.locator('.teaser-card').count() > 0);
    await page.locator('.masthead input[type="search"]').fill('budget');
    await page.locator('.masthead input[type="search"]').press('Enter');
    await page.waitForURL(/\/news\/search\?q=budget/);
    await page.locator('.search-results li').first().waitFor();
    assert.deepEqual(await outsideTheBase(), []);
  });

  await t.test('an unknown page is a 404 that shows the app\'s page', async () => {
    const response = await page.goto(url('/news/no-such-page'));
    assert.equal(response.status(), 404);
    await page.locator('.not-found h1').waitFor();
  });

  await t.test('zero policy violations and no errors', async () => {
    await page.waitForTimeout(200);
    assert.deepEqual(violations, []);
    page.assertClean(['HTTP 404: ' + url('/news/no-such-page')]);
  });

  await t.test('status codes: app routes 200, unknown files 404, /news redirects', async () => {
    for (const path of ['/news/', '/news/latest', `/news/article/${slug}`, '/news/category/politics?page=2', '/news/search?q=x', '/news/page/privacy', '/news/saved']) {
      assert.equal((await get(path)).status, 200, path);
    }
    for (const path of ['/news/missing-0123456789abcdef.js', '/news/missing.wasm', '/news/content/articles/nope.json', '/news/content/images/nope.svg',
      '/news/nginx-broadsheet.conf', '/news/deploy-s3.sh', '/news/_headers', '/article/x']) {
      assert.equal((await get(path)).status, 404, path);
    }
    const bare = await get('/news');
    assert.equal(bare.status, 301);
    assert.equal(new URL(bare.headers.get('location'), server.origin).pathname, '/news/');
  });

  await t.test('caching by file class, compression and the policy on every answer', async () => {
    const index = readFileSync(join(DIST_NEWS, 'index.html'), 'utf8');
    // The loader names each backend's binary; the demo runs the static one.
    const stem = index.match(/"(broadsheet-static-[0-9a-f]+)"/)[1];
    const [wasm, js] = [`${stem}_bg.wasm`, `${stem}.js`];
    const csp = readFileSync(join(DIST_NEWS, '_headers'), 'utf8').match(/^ {2}Content-Security-Policy: (.+)$/m)[1];
    for (const [path, cache, type] of [
      [`/news/${wasm}`, 'public, max-age=31536000, immutable', 'application/wasm'],
      [`/news/${js}`, 'public, max-age=31536000, immutable', 'application/javascript'],
      ['/news/', 'no-cache', 'text/html'],
      [`/news/article/${slug}`, 'no-cache', 'text/html'],
      ['/news/config.json', 'no-cache', 'application/json'],
      [`/news/content/articles/${slug}.json`, 'no-cache', 'application/json'],
      ['/news/sw.js', 'no-cache', 'application/javascript'],
      ['/news/missing.js', 'no-cache', 'text/html'],
    ]) {
      const response = await get(path);
      assert.equal(response.headers.get('cache-control'), cache, path);
      assert.ok(response.headers.get('content-type').startsWith(type), `${path}: ${response.headers.get('content-type')}`);
      assert.equal(response.headers.get('content-security-policy'), csp, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
    }
    assert.ok(csp.includes("worker-src 'self'") && csp.includes("base-uri 'self'"), csp);
    const compressed = await get(`/news/${wasm}`, { 'accept-encoding': 'gzip' });
    assert.equal(compressed.headers.get('content-encoding'), 'gzip');
  });
});
