// The demo site in the release build: every route, deep links, in-app navigation, no errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, openPage, setup, nearStoryEnd } from '../harness.js';

const content = join(DIST, 'content');
const article = (slug) => JSON.parse(readFileSync(join(content, 'articles', `${slug}.json`), 'utf8'));
const latest = JSON.parse(readFileSync(join(content, 'lists/latest/1.json'), 'utf8'));
const newest = latest.items[0];
const lead = latest.items.find((t) => t.featured) ?? newest;

test('the demo site', async (t) => {
  const { server, browser } = await setup(t);
  const url = (path) => server.origin + path;

  await t.test('home shows the lead story, top stories, latest news and category sections', async () => {
    const page = await openPage(browser);
    await page.goto(url('/'));
    await page.locator('.lead-story').waitFor();
    assert.equal(await page.locator('.lead-title').innerText(), lead.title);
    assert.equal(await page.locator('.headline-list li').count(), 8);
    assert.ok(await page.locator('.latest-news .teaser-card').count() >= 5);
    await page.locator('.category-section').first().waitFor();
    assert.ok(await page.locator('.category-section').count() >= 4, 'configured category sections');
    assert.equal(await page.title(), 'Broadsheet');
    const menu = await page.locator('.main-menu a').allInnerTexts();
    assert.deepEqual(menu.slice(0, 4), ['Home', 'Latest News', 'News', 'Politics']);
    assert.ok((await page.locator('.footer-links').innerText()).includes('Privacy Policy'));
    page.assertClean();
  });

  await t.test('an article shows every part of the story', async () => {
    const slug = 'state-budget-deal-ends-three-week-standoff';
    const story = article(slug);
    const page = await openPage(browser);
    const requested = [];
    page.on('request', (request) => requested.push(new URL(request.url()).pathname));
    await page.goto(url(`/article/${slug}`));
    await page.locator('.article h1').waitFor();
    assert.equal(await page.locator('.article h1').innerText(), story.title);
    assert.equal(await page.title(), `${story.title} – Broadsheet`);
    const crumbs = await page.locator('.breadcrumbs li').allInnerTexts();
    assert.deepEqual(crumbs, ['Home', story.categories[0].name, story.title]);
    assert.equal(await page.locator('.article-header .category-label').innerText(), story.categories[0].name.toUpperCase());
    assert.ok((await page.locator('.article-meta .byline').innerText()).includes(story.authors[0].name));
    assert.match(await page.locator('.reading-time').innerText(), /^\d+ min read$/);
    assert.equal(await page.locator('.hero img').getAttribute('fetchpriority'), 'high');
    if (story.hero.credit) assert.equal(await page.locator('.hero .credit').textContent(), story.hero.credit);
    if (story.modified) assert.ok((await page.locator('.updated').innerText()).startsWith('Last updated'));
    assert.ok(await page.locator('.article-body p').count() > 5);
    assert.ok(await page.locator('.article-body table').count() >= 1);
    const tags = await page.locator('.tags .tag').allInnerTexts();
    assert.deepEqual(tags.map((s) => s.toLowerCase()), story.tags.map((tag) => tag.name.toLowerCase()));
    // What follows the story waits for the reader: the story's own request went alone.
    await page.waitForLoadState('networkidle');
    assert.deepEqual(requested.filter((path) => /\/content\/(comments|neighbours|lists)\//.test(path)), [], 'nothing below the story fetched yet');
    assert.equal(await page.locator('.comments, .related, .prev-next').count(), 0);
    await nearStoryEnd(page);
    await page.locator('.related .teaser-card').first().waitFor();
    const related = await page.locator('.related .teaser-title').allInnerTexts();
    assert.ok(related.length > 0 && !related.includes(story.title), 'related never lists the story itself');
    await page.locator('.comment').first().waitFor();
    assert.equal(await page.locator('.comment').count(), story.comments.count);
    page.assertClean();
  });

  await t.test('every list route and page N render', async () => {
    const page = await openPage(browser);
    const cases = [
      ['/latest', 'Latest News'],
      ['/latest?page=2', 'Latest News – page 2'],
      ['/category/politics', 'Politics'],
      ['/tag/border', 'Border'],
      ['/author/helen-marsh', 'Helen Marsh'],
    ];
    for (const [path, heading] of cases) {
      await page.goto(url(path));
      await page.locator('.archive-header h1').waitFor();
      assert.equal(await page.locator('.archive-header h1').innerText(), heading, path);
      assert.ok(await page.locator('.teaser-card').count() > 0, path);
    }
    assert.ok(await page.locator('.author-profile .bio').innerText() !== '');
    const pages = latest.total_pages;
    await page.goto(url(`/latest?page=${pages}`));
    await page.locator('.end-of-list').waitFor();
    assert.equal(await page.locator('.end-of-list').innerText(), "You've reached the end");
    assert.equal(await page.locator('.pagination [aria-current=page]').innerText(), String(pages));
    page.assertClean();
  });

  await t.test('search finds stories and says when nothing matches', async () => {
    const page = await openPage(browser);
    await page.goto(url('/'));
    await page.evaluate(() => { window.stillTheSameApp = true; });
    await page.locator('#site-search').fill('budget');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/\/search\?q=budget/);
    await page.locator('.search-results li').first().waitFor();
    const titles = await page.locator('.search-results h2').allInnerTexts();
    assert.ok(titles.some((title) => /budget/i.test(title)), titles.join(' | '));
    // The results page's own form and the 404 page's search in the app too, the query encoded.
    await page.locator('#search-page-input').fill('deer season');
    await page.locator('#search-page-input').press('Enter');
    await page.waitForURL(/\/search\?q=deer%20season$/);
    await page.locator('.search-results h2', { hasText: 'Deer Season Outlook' }).waitFor();
    assert.equal(await page.evaluate(() => window.stillTheSameApp), true, 'no full page load');
    await page.goto(url('/no/such/page'));
    await page.evaluate(() => { window.stillTheSameApp = true; });
    await page.locator('#not-found-search').fill('tax & crime');
    await page.locator('.not-found').getByRole('button', { name: 'Search' }).click();
    await page.waitForURL(/\/search\?q=tax%20%26%20crime$/);
    await page.locator('.search-results h2', { hasText: 'Clash Over Taxes, Crime' }).waitFor();
    assert.equal(await page.evaluate(() => window.stillTheSameApp), true, 'no full page load');
    await page.goto(url('/search?q=zzzqqq'));
    await page.locator('.empty').waitFor();
    assert.match(await page.locator('.empty').innerText(), /No stories match/);
    page.assertClean();
  });

  await t.test('footer links open the standalone pages', async () => {
    const page = await openPage(browser);
    await page.goto(url('/'));
    await page.locator('.footer-links a', { hasText: 'Privacy Policy' }).click();
    await page.waitForURL('**/page/privacy');
    await page.locator('.site-page h1').waitFor();
    assert.equal(await page.locator('.site-page h1').innerText(), 'Privacy Policy');
    assert.equal(await page.title(), 'Privacy Policy – Broadsheet');
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
    await page.goBack();
    await page.locator('.article h1').waitFor();
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
