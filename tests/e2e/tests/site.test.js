// The demo site in the release build: the checks every backend passes (site-checks.js), the
// homepage, site pages, deep links, in-app navigation, no errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, openPage, setup, assertTitle } from '../harness.js';
import { runSiteChecks } from '../site-checks.js';

const content = join(DIST, 'content');
const latest = JSON.parse(readFileSync(join(content, 'lists/latest/1.json'), 'utf8'));
const newest = latest.items[0];
const lead = latest.items.find((t) => t.featured) ?? newest;
const DEMO = {
  latest: async (n) => {
    const page = JSON.parse(readFileSync(join(content, `lists/latest/${n}.json`), 'utf8'));
    return { slugs: page.items.map((t) => t.slug), totalPages: page.total_pages };
  },
  heroCredits: true,
};

test('the demo site', async (t) => {
  const { server, browser } = await setup(t);
  const url = (path) => server.origin + path;

  await runSiteChecks(t, { browser, url, backend: DEMO });

  await t.test('home shows the lead story, top stories, latest news and category sections', async () => {
    const page = await openPage(browser);
    await page.goto(url('/'));
    await page.locator('.lead-story').waitFor();
    assert.equal(await page.locator('.lead-title').innerText(), lead.title);
    assert.equal(await page.locator('.headline-list li').count(), 8);
    assert.ok(await page.locator('.latest-news .teaser-card').count() >= 5);
    await page.locator('.category-section').first().waitFor();
    assert.ok(await page.locator('.category-section').count() >= 4, 'configured category sections');
    await assertTitle(page, 'Broadsheet');
    assert.equal(await page.locator('head meta[name=description]').getAttribute('content'), 'Broadsheet – Independent news, plainly told');
    const menu = await page.locator('.main-menu a').allInnerTexts();
    assert.deepEqual(menu.slice(0, 4), ['Home', 'Latest News', 'News', 'Politics']);
    assert.ok((await page.locator('.footer-links').innerText()).includes('Privacy Policy'));
    page.assertClean();
  });

  await t.test('footer links open the standalone pages', async () => {
    const page = await openPage(browser);
    await page.goto(url('/'));
    await page.locator('.footer-links a', { hasText: 'Privacy Policy' }).click();
    await page.waitForURL('**/page/privacy');
    await page.locator('.site-page h1').waitFor();
    assert.equal(await page.locator('.site-page h1').innerText(), 'Privacy Policy');
    await assertTitle(page, 'Privacy Policy – Broadsheet');
    page.assertClean();
  });

  await t.test('unknown addresses get the 404 page', async () => {
    const page = await openPage(browser);
    for (const path of ['/no/such/page', '/article/no-such-story', '/category/no-such-section', '/latest?page=999']) {
      await page.goto(url(path));
      await page.locator('.not-found h1').waitFor();
      assert.equal(await page.locator('.not-found h1').innerText(), 'Page not found', path);
    }
    // The missing files were asked for and answered 404: no other failure is allowed.
    page.assertClean(['/content/articles/no-such-story.json', '/content/lists/latest/999.json']);
  });

  await t.test('links navigate inside the app and deep links survive a reload', async () => {
    const page = await openPage(browser);
    await page.goto(url('/'));
    await page.locator('.lead-title a').waitFor();
    await page.evaluate(() => { window.stillTheSameApp = true; });
    await page.locator('.lead-title a').click();
    await page.waitForURL(`**/article/${lead.slug}`);
    await page.locator('.article h1').waitFor();
    assert.equal(await page.evaluate(() => window.stillTheSameApp), true, 'no full page load');
    await page.reload();
    await page.locator('.article h1').waitFor();
    assert.equal(await page.locator('.article h1').innerText(), lead.title);
    await page.locator('.breadcrumbs a', { hasText: 'Home' }).click();
    await page.locator('.lead-story').waitFor();
    // The address changes just after the new page is painted (src/router.rs): Back waits for it.
    await page.waitForURL((address) => address.pathname === '/');
    await page.goBack();
    await page.locator('.article h1').waitFor();
    page.assertClean();
  });

  await t.test('the search and 404 pages\' forms search in the app, the query encoded and in the title', async () => {
    const page = await openPage(browser);
    await page.goto(url('/search?q=budget'));
    await page.locator('.search-results li').first().waitFor();
    await assertTitle(page, 'Search: budget – Broadsheet');
    await page.evaluate(() => { window.stillTheSameApp = true; });
    await page.locator('#search-page-input').fill('deer season');
    await page.locator('#search-page-input').press('Enter');
    await page.waitForURL(/\/search\?q=deer%20season$/);
    await page.locator('.search-results h2', { hasText: 'Deer Season Outlook' }).waitFor();
    assert.equal(await page.evaluate(() => window.stillTheSameApp), true, 'no full page load');
    await assertTitle(page, 'Search: deer season – Broadsheet', 'the title follows the query');
    await page.goto(url('/no/such/page'));
    await page.evaluate(() => { window.stillTheSameApp = true; });
    await page.locator('#not-found-search').fill('tax & crime');
    await page.locator('.not-found').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=tax%20%26%20crime$/);
    await page.locator('.search-results h2', { hasText: 'Clash Over Taxes, Crime' }).waitFor();
    assert.equal(await page.evaluate(() => window.stillTheSameApp), true, 'no full page load');
    page.assertClean();
  });

  await t.test('a story is fetched while the pointer rests on its link, so it opens from the cache', async () => {
    const page = await openPage(browser);
    await page.goto(url('/'));
    const link = page.locator('.latest-news .teaser-title a').first();
    await link.waitFor();
    const file = `/content/articles/${(await link.getAttribute('href')).split('/').pop()}.json`;
    const asked = [];
    page.on('request', (request) => { if (new URL(request.url()).pathname === file) asked.push(request.url()); });
    const fetchedEarly = page.waitForRequest((request) => new URL(request.url()).pathname === file);
    await link.hover();
    await fetchedEarly;
    await link.click();
    await page.locator('.article h1').waitFor();
    assert.equal(asked.length, 1, 'opening the story asked for nothing more');
    page.assertClean();
  });

  await t.test('the demo content exercises what the pages show', () => {
    const files = readdirSync(join(content, 'articles'));
    assert.ok(files.length >= 30, 'at least 30 demo articles');
    const stories = files.map((f) => JSON.parse(readFileSync(join(content, 'articles', f), 'utf8')));
    assert.ok(stories.some((s) => s.format === 'video'));
    assert.ok(stories.some((s) => !s.hero));
    assert.ok(stories.some((s) => !s.comments.open));
    assert.ok(stories.some((s) => s.comments.count >= 150));
    assert.ok(new Set(stories.flatMap((s) => s.authors.map((a) => a.slug))).size >= 4);
  });
});
