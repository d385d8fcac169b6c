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
      assert.ok(html.includes('<div id="prerendered"'), slug);
      assert.ok(!/<script>|onerror=/i.test(html.split('<div id="prerendered"')[1]), 'only escaped text in the body');
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

  await t.test('the app boots from a published page without errors or a flash of the hidden copy', async () => {
    const { server, browser } = await setup(t, { root: dir });
    const page = await openPage(browser);
    const slug = 'state-budget-deal-ends-three-week-standoff';
    const first = await (await fetch(`${server.origin}/article/${slug}`)).text();
    assert.ok(first.includes('og:title'), 'the host answers with the published page');
    await page.goto(`${server.origin}/article/${slug}`);
    await page.locator('.article h1').waitFor();
    assert.equal(await page.locator('#prerendered').count(), 0, 'the hidden copy is gone once the app runs');
    assert.equal(await page.locator('h1').count(), 1);
    page.assertClean();
  });
});

test('published pages from the real WordPress', (t) => {
  const env = Object.fromEntries(readFileSync(join(process.env.WP_BASE ?? '/tmp/broadsheet-wp', 'env'), 'utf8')
    .split('\n').filter((line) => line.includes('=')).map((line) => line.split(/=(.*)/s).slice(0, 2)));
  const dir = copyOfDist(t);
  const config = JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'));
  writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...config, source: { kind: 'wordpress', url: env.WP_URL } }));
  assert.match(publish(dir), /^38 stories/);
  const html = readFileSync(join(dir, 'article', 'state-budget-deal-ends-three-week-standoff', 'index.html'), 'utf8');
  assert.match(html, /<meta property="og:image" content="http:\/\/127\.0\.0\.1:8081\/wp-content\/uploads\/[^"]+">/);
  assert.equal(jsonLd(html)[0].headline, 'Budget Deal Ends Three-Week Standoff in State Capitol');
});
