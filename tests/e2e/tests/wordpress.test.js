// The same release build against a real WordPress (Debian's package, seeded with the demo
// content by scripts/wordpress/start.sh): only config.json differs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, configWithSource, openPage, setup, wordpressEnv, nearStoryEnd } from '../harness.js';

const env = wordpressEnv();
const WP = env.WP_URL;
const wpJson = async (path) => (await fetch(`${WP}wp-json/wp/v2/${path}`)).json();
const demo = (slug) => JSON.parse(readFileSync(join(DIST, 'content/articles', `${slug}.json`), 'utf8'));

for (const pretty of [true, false]) {
  test(`WordPress backend (${pretty ? '/wp-json/' : '?rest_route='} form)`, async (t) => {
    const { server, browser } = await setup(t, {
      overrides: { '/config.json': configWithSource({ kind: 'wordpress', url: WP, pretty_permalinks: pretty }) },
    });
    const url = (path) => server.origin + path;
    // API requests to the WordPress site (pictures aside): all in the configured URL form.
    const wpRequests = [];

    await t.test('home shows the sticky story as the lead and the latest posts', async () => {
      const [newest] = await wpJson('posts?sticky=true&per_page=1');
      const page = await openPage(browser);
      page.on('request', (r) => { if (r.url().startsWith(WP) && !r.url().includes('/wp-content/')) wpRequests.push(r.url()); });
      await page.goto(url('/'));
      await page.locator('.lead-story').waitFor();
      assert.equal(await page.locator('.lead-title').innerText(), newest.title.rendered.replace(/&#8217;/g, '’'));
      assert.equal(await page.locator('.headline-list li').count(), 8);
      await page.locator('.category-section').first().waitFor();
      assert.ok(wpRequests.every((u) => u.includes(pretty ? '/wp-json/wp/v2/' : '?rest_route=/wp/v2/')), wpRequests.join('\n'));
      page.assertClean();
    });

    await t.test('an article has its byline, picture, body, terms and threaded comments', async () => {
      const slug = 'state-budget-deal-ends-three-week-standoff';
      const story = demo(slug);
      const page = await openPage(browser);
      await page.goto(url(`/article/${slug}`));
      await page.locator('.article h1').waitFor();
      assert.equal(await page.locator('.article h1').innerText(), story.title);
      assert.ok((await page.locator('.article-meta .byline').innerText()).includes(story.authors[0].name));
      assert.deepEqual(await page.locator('.breadcrumbs li').allInnerTexts(), ['Home', story.categories[0].name, story.title]);
      assert.match(await page.locator('.hero img').getAttribute('src'), /\/wp-content\/uploads\//);
      assert.ok(await page.locator('.hero img').getAttribute('srcset'));
      assert.ok(await page.locator('.article-body table').count() >= 1);
      const tags = (await page.locator('.tags .tag').allTextContents()).map((s) => s.toLowerCase());
      assert.deepEqual(tags.sort(), story.tags.map((tag) => tag.name.toLowerCase()).sort());
      await nearStoryEnd(page);
      await page.locator('.comment').first().waitFor();
      assert.equal(await page.locator('.comment').count(), story.comments.count);
      assert.ok(await page.locator('.comment.depth-1').count() > 0, 'replies are nested');
      // Gravatar cannot be reached from here: a picture the reader scrolls to falls back to initials.
      const first = page.locator('.comment').first();
      await first.scrollIntoViewIfNeeded();
      await first.locator('.avatar-initials').waitFor();
      assert.equal(await first.locator('.avatar-image').count(), 0);
      page.assertClean();
    });

    await t.test('a 150-comment thread loads every page of comments and shows them in batches', async () => {
      const page = await openPage(browser);
      await page.goto(url('/article/concealed-carry-reciprocity-bill-explained'));
      await nearStoryEnd(page);
      await page.locator('.comment').first().waitFor();
      assert.equal(await page.locator('#comments-heading').innerText(), '150 Comments');
      assert.equal(await page.locator('.comment').count(), 100);
      await page.getByRole('button', { name: 'Show more comments (50 more)' }).click();
      await page.waitForFunction(() => document.querySelectorAll('.comment').length === 150);
      page.assertClean();
    });

    await t.test('a posted comment and a reply come back from the WordPress API', async () => {
      const slug = 'ostrowski-wins-governor-race';
      const [post] = await wpJson(`posts?slug=${slug}`);
      const page = await openPage(browser);
      await page.goto(url(`/article/${slug}`));
      await nearStoryEnd(page);
      await page.locator('.comment').first().waitFor();
      const stamp = `${pretty ? 'pretty' : 'plain'} ${Date.now()}`;
      const form = page.locator('form.comment-form');
      await form.getByLabel('Comment').fill(`Top-level comment ${stamp}`);
      await form.getByLabel('Name').fill('E2E Reader');
      await form.getByLabel('Email').fill('e2e@example.com');
      await form.getByRole('button', { name: 'Post Comment' }).click();
      await page.locator('.comment-notice', { hasText: 'published' }).waitFor();
      const mine = page.locator('.comment', { hasText: `Top-level comment ${stamp}` });
      const parentId = (await mine.getAttribute('id')).replace('comment-', '');
      await mine.getByRole('button', { name: 'Reply to E2E Reader' }).click();
      const reply = page.locator(`form.comment-form[aria-labelledby="reply-${parentId}-heading"]`);
      await reply.getByLabel('Comment').fill(`A reply to be moderated [hold] ${stamp}`);
      assert.equal(await reply.getByLabel('Name').inputValue(), 'E2E Reader', 'identity carried over');
      await reply.getByRole('button', { name: 'Post Comment' }).click();
      await page.locator('.comment-notice', { hasText: 'awaiting moderation' }).waitFor();
      const auth = 'Basic ' + Buffer.from(`${env.WP_ADMIN_USER}:${env.WP_APP_PASSWORD}`).toString('base64');
      const all = await (await fetch(`${WP}wp-json/wp/v2/comments?post=${post.id}&per_page=100&status=any&context=edit`, { headers: { authorization: auth } })).json();
      const top = all.find((c) => c.content.raw === `Top-level comment ${stamp}`);
      const held = all.find((c) => c.content.raw === `A reply to be moderated [hold] ${stamp}`);
      assert.ok(top && held, 'both comments are in WordPress');
      assert.equal(String(top.id), parentId);
      assert.equal(held.parent, top.id);
      assert.equal(held.status, 'hold');
      assert.equal(top.status, 'approved');
      page.assertClean();
    });

    if (pretty) {
      await t.test('with WordPress stopped, a comment keeps its text and goes through on Retry', async () => {
        const page = await openPage(browser);
        await page.goto(url('/article/deer-season-outlook-2026'));
        await nearStoryEnd(page);
        await page.locator('.comment').first().waitFor();
        const form = page.locator('form.comment-form');
        const text = `Written while the server was down ${Date.now()}`;
        await form.getByLabel('Comment').fill(text);
        await form.getByLabel('Name').fill('Patient Reader');
        await form.getByLabel('Email').fill('patient@example.com');
        const scripts = new URL('../../../scripts/wordpress/', import.meta.url).pathname;
        execFileSync(`${scripts}stop.sh`);
        try {
          await form.getByRole('button', { name: 'Post Comment' }).click();
          await form.locator('.form-error').waitFor();
          assert.match(await form.locator('.form-error').innerText(), /could not be reached/);
          assert.equal(await form.getByLabel('Comment').inputValue(), text);
        } finally {
          execFileSync(`${scripts}start.sh`);
        }
        await form.getByRole('button', { name: 'Retry' }).click();
        await page.locator('.comment', { hasText: text }).waitFor();
        const [post] = await wpJson('posts?slug=deer-season-outlook-2026');
        const comments = await wpJson(`comments?post=${post.id}&per_page=100`);
        assert.ok(comments.some((c) => c.content.rendered.includes(text)), 'the retried comment is in WordPress');
        page.assertClean(['/wp-json/wp/v2/comments']);
      });
    }

    await t.test('archives, search, site pages and 404', async () => {
      const page = await openPage(browser);
      for (const [path, heading] of [['/category/politics', 'Politics'], ['/tag/border', 'Border'], ['/author/helen-marsh', 'Helen Marsh'], ['/latest?page=2', 'Latest News – page 2']]) {
        await page.goto(url(path));
        await page.locator('.archive-header h1').waitFor();
        assert.equal(await page.locator('.archive-header h1').innerText(), heading, path);
        assert.ok(await page.locator('.teaser-card').count() > 0, path);
      }
      await page.goto(url('/search?q=budget'));
      await page.locator('.search-results li').first().waitFor();
      assert.ok((await page.locator('.search-results h2').allInnerTexts()).some((title) => /budget/i.test(title)));
      await page.goto(url('/page/privacy'));
      await page.locator('.site-page h1').waitFor();
      assert.equal(await page.locator('.site-page h1').innerText(), 'Privacy Policy');
      await page.goto(url('/article/no-such-story'));
      await page.locator('.not-found h1').waitFor();
      await page.goto(url('/latest?page=99'));
      await page.locator('.not-found h1').waitFor();
      // WordPress answers a page past the end with 400 rest_post_invalid_page_number.
      page.assertClean(['page=99']);
    });

    await t.test('a password-protected post says so and hostile markup is neutralised', async () => {
      const page = await openPage(browser);
      await page.goto(url('/article/members-only-briefing'));
      await page.locator('.article-body.protected').waitFor();
      assert.match(await page.locator('.article-body.protected').innerText(), /protected by a password/);
      await page.goto(url('/article/hostile-markup-test'));
      await page.locator('.article-body').waitFor();
      await page.waitForTimeout(300);
      const body = await page.locator('.article-body').innerHTML();
      for (const banned of ['<script', 'onerror', 'onload', 'javascript:', 'evil.example', 'style=']) {
        assert.ok(!body.includes(banned), `${banned} survived`);
      }
      page.assertClean(['/x.png', 'nope']);
    });
  });
}
