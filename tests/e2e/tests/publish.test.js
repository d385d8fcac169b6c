// broadsheet-publish: pages crawlers and share cards can read, written into a copy of dist/ from
// the demo content and from the real WordPress; the app boots from them with no error or flash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIST, openPage, setup } from '../harness.js';

const ROOT = new URL('../../../', import.meta.url).pathname;
const publish = (dir) =>
  execFileSync('cargo', ['run', '--quiet', '--package', 'broadsheet-publish', '--', dir, '--site-url', 'https://news.example'], { cwd: ROOT, encoding: 'utf8' });
const copyOfDist = (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-published-'));
  cpSync(DIST, dir, { recursive: true });
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
};
const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const csp = readFileSync(join(DIST, '_headers'), 'utf8').match(/^ {2}Content-Security-Policy: (.+)$/m)[1];
/** Holds the app's wasm back (so the page shows what its HTML paints) until the returned function is called. */
const holdApp = async (page) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  // A request of a page navigated away from meanwhile is gone: nothing to continue.
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue().catch(() => {}); });
  return release;
};
const jsonLd = (html) => [...html.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]));

test('published pages from the demo content', async (t) => {
  const dir = copyOfDist(t);
  assert.match(publish(dir), /^36 stories, \d+ archives; wrote \d+ of \d+ files/);
  assert.match(publish(dir), /wrote 0 of/, 'a second run changes nothing');
  const slugs = readdirSync(join(DIST, 'content/articles')).map((f) => f.replace(/\.json$/, ''));

  await t.test('every story page carries its head, structured data and text', () => {
    for (const slug of slugs) {
      const story = JSON.parse(readFileSync(join(DIST, 'content/articles', `${slug}.json`), 'utf8'));
      const html = readFileSync(join(dir, 'article', slug, 'index.html'), 'utf8');
      assert.ok(html.includes(`<link rel="canonical" href="https://news.example/article/${slug}">`), slug);
      for (const property of ['og:title', 'og:description', 'og:url', 'article:published_time', 'twitter:card']) {
        assert.match(html, new RegExp(`<meta (property|name)="${property}" content="[^"]+">`), `${slug} ${property}`);
      }
      const [article, crumbs] = jsonLd(html);
      assert.equal(article['@type'], 'NewsArticle');
      assert.equal(article.headline, story.title);
      assert.equal(crumbs['@type'], 'BreadcrumbList');
      assert.equal(html.match(/<title>/g).length, 1);
      const firstView = html.split('<div id="prerendered"')[1].split('<!--/published-->')[0];
      assert.ok(firstView.includes(`<h1>${escapeHtml(story.title)}</h1>`), slug);
      assert.ok(!/<script|onerror=/i.test(firstView), 'only escaped text in the first view');
    }
  });

  await t.test('sitemap lists every story; feeds and robots are there', () => {
    const map = readFileSync(join(dir, 'sitemap.xml'), 'utf8');
    for (const slug of slugs) assert.ok(map.includes(`<loc>https://news.example/article/${slug}</loc>`), slug);
    assert.match(readFileSync(join(dir, 'rss.xml'), 'utf8'), /^<\?xml version="1.0" encoding="UTF-8"\?>\n<rss version="2.0">/);
    const feed = JSON.parse(readFileSync(join(dir, 'feed.json'), 'utf8'));
    assert.equal(feed.version, 'https://jsonfeed.org/version/1.1');
    assert.ok(feed.items.length >= 30);
    assert.match(readFileSync(join(dir, 'robots.txt'), 'utf8'), /Sitemap: https:\/\/news.example\/sitemap.xml/);
    assert.match(readFileSync(join(dir, 'news-sitemap.xml'), 'utf8'), /<news:news>/);
  });

  await t.test('readers see the story before the app has started; the app then takes its place', async () => {
    const { server, browser } = await setup(t, { root: dir, headers: { 'Content-Security-Policy': csp } });
    const slug = 'state-budget-deal-ends-three-week-standoff';
    const story = JSON.parse(readFileSync(join(DIST, 'content/articles', `${slug}.json`), 'utf8'));
    const page = await openPage(browser);
    const release = await holdApp(page);
    await page.goto(`${server.origin}/article/${slug}`, { waitUntil: 'domcontentloaded' });
    const headline = page.locator('#prerendered .article h1');
    assert.equal(await headline.textContent(), story.title);
    assert.ok(await headline.isVisible(), 'the headline is on screen from the HTML');
    const hero = page.locator('#prerendered .hero img');
    assert.equal(await hero.getAttribute('fetchpriority'), 'high');
    assert.ok(await page.locator('#prerendered .article-body p').first().isVisible());
    assert.ok(await page.locator('#prerendered .byline a').first().isVisible());
    // The reader scrolls into the story before the app is there; the takeover keeps their place.
    await page.evaluate(() => window.scrollTo(0, 400));
    const firstViewTop = await page.evaluate(() => document.querySelector('#prerendered main').getBoundingClientRect().top);
    release();
    await page.locator('.article h1').waitFor();
    await page.waitForFunction(() => !document.getElementById('prerendered'));
    await page.evaluate(() => new Promise(requestAnimationFrame));
    const appTop = await page.evaluate(() => document.getElementById('content').getBoundingClientRect().top);
    assert.ok(Math.abs(appTop - firstViewTop) <= 1, `the story stays where the reader was: ${firstViewTop} → ${appTop}`);
    assert.equal(await page.locator('h1').count(), 1, 'the app took the first view\'s place');
    assert.equal(await page.locator('.article h1').textContent(), story.title);
    assert.ok(await page.locator('.article h1').isVisible());
    assert.equal(await page.evaluate(() => document.documentElement.classList.contains('app-waiting')), false);
    // The app's head tags replace the published ones: one canonical address, one description
    // (the app adds them in the frame after its first paint).
    await page.locator('head script[type="application/ld+json"]').waitFor({ state: 'attached' });
    assert.equal(await page.locator('head link[rel=canonical]').count(), 1);
    assert.equal(await page.locator('head meta[name=description]').count(), 1);
    assert.equal(await page.locator('head script[type="application/ld+json"]').count(), 1);
    assert.equal(await page.locator('head meta[property="og:title"]').getAttribute('content'), story.title);
    page.assertClean();
  });

  await t.test('the first view\'s privacy notice and header have the app\'s boxes, and a search being typed there carries over', async () => {
    const { server, browser } = await setup(t, { root: dir, headers: { 'Content-Security-Policy': csp } });
    for (const width of [412, 1280]) {
      const page = await openPage(browser);
      await page.setViewportSize({ width, height: 900 });
      const release = await holdApp(page);
      await page.goto(`${server.origin}/article/state-budget-deal-ends-three-week-standoff`, { waitUntil: 'load' });
      // The privacy notice and each visible part of the header, top and height; the page's main
      // content, where it starts.
      const boxes = () => page.evaluate(() => [...document.querySelectorAll('.consent-bar, .site-header > *, main')]
        .filter((e) => e.checkVisibility({ visibilityProperty: true }))
        .map((e) => { const r = e.getBoundingClientRect(); return e.tagName === 'MAIN' ? ['main', Math.round(r.top)] : [e.className, Math.round(r.top), Math.round(r.height)]; }));
      const before = await boxes();
      assert.equal(before[0][0], 'consent-bar', 'a new reader sees the notice from the HTML');
      // Its links work at once; its button waits for the app, as the header's tools do.
      assert.equal(await page.locator('#prerendered .consent-bar a').first().getAttribute('href'), '/page/privacy');
      assert.ok(await page.locator('#prerendered .consent-bar button').isDisabled());
      await page.locator('#first-view-search').fill('budget');
      release();
      await page.waitForFunction(() => !document.getElementById('prerendered'));
      assert.deepEqual(await boxes(), before, `nothing moves at ${width} px`);
      assert.equal(await page.locator('#site-search').inputValue(), 'budget');
      assert.ok(await page.locator('#site-search').evaluate((e) => e === document.activeElement), 'the search field keeps focus');
      await page.locator('.suggestions li').first().waitFor();
      page.assertClean();
      await page.close();
    }
  });

  await t.test('a reader who accepted the privacy notice never sees it in the first view', async () => {
    const { server, browser } = await setup(t, { root: dir, headers: { 'Content-Security-Policy': csp } });
    const page = await openPage(browser);
    await page.addInitScript(() => localStorage.setItem('broadsheet.consent', 'true'));
    const release = await holdApp(page);
    await page.goto(`${server.origin}/article/state-budget-deal-ends-three-week-standoff`, { waitUntil: 'load' });
    assert.equal(await page.locator('#prerendered .consent-bar').count(), 1, 'the HTML has it');
    assert.ok(!(await page.locator('#prerendered .consent-bar').isVisible()), 'the early script hid it before it painted');
    const mainTop = () => page.evaluate(() => Math.round(document.querySelector('main').getBoundingClientRect().top));
    const before = await mainTop();
    release();
    await page.waitForFunction(() => !document.getElementById('prerendered'));
    assert.equal(await mainTop(), before, 'nothing moves when the app takes over');
    assert.equal(await page.locator('.consent-bar').count(), 0);
    page.assertClean();
    await page.close();
  });

  await t.test('the homepage and archives paint from the HTML too; another address never shows their first view', async () => {
    const { server, browser } = await setup(t, { root: dir, headers: { 'Content-Security-Policy': csp } });
    const page = await openPage(browser);
    const release = await holdApp(page);
    await page.goto(`${server.origin}/`, { waitUntil: 'domcontentloaded' });
    assert.ok(await page.locator('#prerendered .lead-title a').isVisible());
    assert.ok(await page.locator('#prerendered .top-stories .headline-list li').count() >= 5);
    await page.goto(`${server.origin}/category/politics/`, { waitUntil: 'domcontentloaded' });
    assert.equal(await page.locator('#prerendered .archive-header h1').textContent(), 'Politics');
    assert.ok(await page.locator('#prerendered .teaser-card').count() >= 1);
    // The host answers a search (no published page) with the homepage's file: its first view goes.
    await page.goto(`${server.origin}/search?q=budget`, { waitUntil: 'domcontentloaded' });
    assert.equal(await page.locator('#prerendered').count(), 0);
    release();
    await page.locator('.search-results li').first().waitFor();
    page.assertClean();
    const app = await openPage(browser);
    await app.goto(`${server.origin}/search?q=budget`);
    await app.locator('.search-results li').first().waitFor();
    await app.goto(`${server.origin}/`);
    await app.locator('.lead-story').waitFor();
    assert.equal(await app.locator('.lead-title').count(), 1);
    app.assertClean();
  });
});

test('published pages from the real WordPress', async (t) => {
  const env = Object.fromEntries(readFileSync(join(process.env.WP_BASE ?? '/tmp/broadsheet-wp', 'env'), 'utf8')
    .split('\n').filter((line) => line.includes('=')).map((line) => line.split(/=(.*)/s).slice(0, 2)));
  const dir = copyOfDist(t);
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, source: { kind: 'wordpress', url: env.WP_URL } }));
  assert.match(publish(dir), /^38 stories/);
  const html = readFileSync(join(dir, 'article', 'state-budget-deal-ends-three-week-standoff', 'index.html'), 'utf8');
  assert.match(html, /<meta property="og:image" content="http:\/\/127\.0\.0\.1:8081\/wp-content\/uploads\/[^"]+">/);
  const headline = 'Budget Deal Ends Three-Week Standoff in State Capitol';
  assert.equal(jsonLd(html)[0].headline, headline);

  // The WordPress binary takes over from the first view (no CSP here: the build's policy names the demo's backend).
  const { server, browser } = await setup(t, { root: dir });
  const page = await openPage(browser);
  const wasm = [];
  page.on('request', (request) => { if (request.url().endsWith('_bg.wasm')) wasm.push(request.url()); });
  const release = await holdApp(page);
  await page.goto(`${server.origin}/article/state-budget-deal-ends-three-week-standoff`, { waitUntil: 'domcontentloaded' });
  assert.equal(await page.locator('#prerendered .article h1').textContent(), headline);
  assert.ok(await page.locator('#prerendered .hero img').isVisible());
  release();
  await page.waitForFunction(() => !document.getElementById('prerendered'));
  assert.equal(await page.locator('.article h1').textContent(), headline);
  assert.equal(wasm.length, 1);
  assert.match(wasm[0], /broadsheet-wordpress-[0-9a-f]+_bg\.wasm$/);
  page.assertClean();
});
