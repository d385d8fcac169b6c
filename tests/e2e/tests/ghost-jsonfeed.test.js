// The same release build on a Ghost Content API and on a JSON Feed (fixture servers with
// invented content): only config.json differs.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configWithSource, openPage, serve, setup, nearStoryEnd } from '../harness.js';
import { GHOST_KEY, ghostHandler } from '../fakes/ghost.js';
import { jsonFeedHandler } from '../fakes/jsonfeed.js';

test('Ghost backend', async (t) => {
  // The fake Ghost runs on its own origin, as a publisher's Ghost would.
  const ghost = await serve({ handler: ghostHandler() });
  t.after(() => ghost.close());
  const { server, browser } = await setup(t, {
    overrides: {
      '/config.json': configWithSource({ kind: 'ghost', url: `${ghost.origin}/`, key: GHOST_KEY }, { home: { sections: ['harbour', 'culture'] } }),
    },
  });
  const url = (path) => server.origin + path;

  await t.test('home, article, tag and author pages, search and pages', async () => {
    const page = await openPage(browser);
    await page.goto(url('/'));
    await page.locator('.lead-story').waitFor();
    assert.ok(await page.locator('.latest-news .teaser-card').count() > 3);
    await page.locator('.category-section').nth(1).waitFor();
    assert.deepEqual(await page.locator('.category-section .section-heading').allInnerTexts(), ['HARBOUR', 'CULTURE']);
    await page.goto(url('/article/council-approves-new-seawall'));
    await page.locator('.article h1').waitFor();
    assert.equal(await page.locator('.article h1').innerText(), 'Council approves new seawall after two-year debate');
    assert.match(await page.locator('.article-meta .byline').innerText(), /Marisol/);
    assert.ok(await page.locator('.article-body p').count() > 0);
    await nearStoryEnd(page);
    assert.equal(await page.locator('.comments-closed').innerText(), 'Comments are not available on this site.');
    for (const path of ['/category/harbour', '/tag/culture', '/author/tobias-renwick']) {
      await page.goto(url(path));
      await page.locator('.archive-header h1').waitFor();
      assert.ok((await page.locator('.archive-header h1').innerText()).length > 0, path);
      assert.ok(await page.locator('.teaser-card').count() > 0, path);
    }
    await page.goto(url('/search?q=seawall'));
    await page.locator('.search-results li').first().waitFor();
    assert.match(await page.locator('.search-results h2').first().innerText(), /seawall/i);
    await page.goto(url('/page/privacy'));
    await page.locator('.site-page h1').waitFor();
    await page.goto(url('/article/no-such-post'));
    await page.locator('.not-found h1').waitFor();
    page.assertClean(['/posts/slug/no-such-post/']);
  });

  await t.test('a wrong key is a clear, non-retryable error', async () => {
    const wrong = await serve({ overrides: { '/config.json': configWithSource({ kind: 'ghost', url: `${ghost.origin}/`, key: 'wrong' }) } });
    try {
      const page = await openPage(browser);
      await page.goto(wrong.origin + '/');
      await page.locator('.load-failed').waitFor();
      assert.match(await page.locator('.load-failed').innerText(), /refused access/);
      page.assertClean([ghost.origin]);
    } finally {
      await wrong.close();
    }
  });
});

test('JSON Feed backend', async (t) => {
  const { server, browser } = await setup(t, {
    handler: jsonFeedHandler(),
    overrides: { '/config.json': configWithSource({ kind: 'jsonfeed', url: '/feed.json' }) },
  });
  const url = (path) => server.origin + path;

  await t.test('both feed pages are read; lists, tags, authors, articles and search work', async () => {
    const page = await openPage(browser);
    const requests = [];
    page.on('request', (r) => requests.push(new URL(r.url()).pathname));
    await page.goto(url('/latest'));
    await page.locator('.archive-header h1').waitFor();
    assert.ok(requests.includes('/feed.json') && requests.includes('/feed-2.json'), requests.join(' '));
    assert.match(await page.locator('.archive-header .count').innerText(), /^1[0-2] stories$/);
    await page.goto(url('/article/otters-return-to-the-pell'));
    await page.locator('.article h1').waitFor();
    assert.equal(await page.locator('.article h1').innerText(), 'Otters return to the River Pell');
    assert.equal(await page.locator('.article-header .category-label').textContent(), 'Rivers');
    await page.goto(url('/tag/wildlife'));
    await page.locator('.archive-header h1').waitFor();
    assert.equal(await page.locator('.teaser-card').count(), 3);
    await page.goto(url('/author/odile-brennan'));
    await page.locator('.archive-header h1').waitFor();
    assert.equal(await page.locator('.archive-header h1').innerText(), 'Odile Brennan');
    await page.goto(url('/search?q=heronry'));
    await page.locator('.search-results li').first().waitFor();
    assert.equal(await page.locator('.search-results li').count(), 1);
    await page.goto(url('/tag/no-such-tag'));
    await page.locator('.not-found h1').waitFor();
    page.assertClean();
  });
});
