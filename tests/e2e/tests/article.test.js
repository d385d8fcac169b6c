// The article page's tools on the demo content, beyond the checks every backend passes
// (site-checks.js): copying without a clipboard, contents, reading progress, save for later and
// the reading list, the head through in-app navigation, click-to-load embeds, previous and next
// stories, and the printed page.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, configWithSource, openPage, setup, nearStoryEnd, assertTitle } from '../harness.js';
import { STORY as LONG, assertHeadDescribes, demoStory as article } from '../site-checks.js';

const content = join(DIST, 'content');
const latest = JSON.parse(readFileSync(join(content, 'lists/latest/1.json'), 'utf8'));

const SHORT = 'tipsheet-gas-prices-dip-ahead-of-holiday';
const VIDEO = 'video-first-time-shooter-at-the-range';
const SAVED_KEY = 'broadsheet:saved:/content/';

test('the article page', async (t) => {
  const { server, browser } = await setup(t);
  const url = (path) => server.origin + path;

  await t.test('without a clipboard the link is offered in the browser\'s own dialog', async () => {
    const page = await openPage(browser);
    await page.addInitScript(() => {
      Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
      window.prompts = [];
      window.prompt = (message, value) => { window.prompts.push([message, value]); return null; };
    });
    await page.goto(url(`/article/${LONG}`));
    await page.getByRole('button', { name: 'Copy link' }).first().click();
    await page.waitForFunction(() => window.prompts.length === 1);
    assert.deepEqual(await page.evaluate(() => window.prompts), [['Copy the link to this article:', url(`/article/${LONG}`)]]);
    assert.equal(await page.locator('.share-status').first().textContent(), '', 'nothing was copied');
    page.assertClean();
  });

  await t.test('a long story has a table of contents that scrolls to and focuses its sections', async () => {
    const page = await openPage(browser);
    await page.goto(url(`/article/${LONG}`));
    const toc = page.getByRole('navigation', { name: 'Contents' });
    await toc.waitFor();
    const headings = await page.locator('.article-body h2, .article-body h3').evaluateAll((hs) => hs.map((h) => [h.id, h.textContent]));
    const links = await toc.locator('a').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent]));
    assert.ok(headings.length >= 4);
    assert.deepEqual(links, headings.map(([id, text]) => [`#${id}`, text]));
    assert.equal(headings[0][0], 'section-how-the-standoff-started');
    assert.equal(new Set(headings.map(([id]) => id)).size, headings.length, 'ids are unique');
    // Before the body, so it is met first.
    assert.ok(await page.evaluate(() => document.querySelector('.toc').compareDocumentPosition(document.querySelector('.article-body')) & Node.DOCUMENT_POSITION_FOLLOWING));

    const [id, text] = headings[3];
    await toc.getByRole('link', { name: text }).click();
    await page.waitForFunction((id) => document.activeElement?.id === id, id);
    await page.waitForFunction((id) => {
      const top = document.getElementById(id).getBoundingClientRect().top;
      return top >= 0 && top < window.innerHeight / 2;
    }, id);
    assert.ok(page.url().endsWith(`#${id}`));
    // The section being read is marked in the table.
    await page.waitForFunction((id) => document.querySelector(`.toc a[href="#${id}"]`).getAttribute('aria-current') === 'location', id);
    assert.equal(await toc.locator('a[aria-current]').count(), 1);
    page.assertClean();
  });

  await t.test('a short story has no table of contents', async () => {
    const page = await openPage(browser);
    await page.goto(url(`/article/${SHORT}`));
    await page.locator('.article-body p').first().waitFor();
    await page.waitForTimeout(200);
    assert.equal(await page.locator('.toc').count(), 0);
    page.assertClean();
  });

  await t.test('the reading progress bar follows the story text', async () => {
    const page = await openPage(browser);
    await page.goto(url(`/article/${LONG}`));
    await page.locator('.article-body p').first().waitFor();
    const progress = () => page.evaluate(() => new DOMMatrix(getComputedStyle(document.querySelector('.reading-progress-bar')).transform).a);
    assert.equal(await page.locator('.reading-progress').getAttribute('aria-hidden'), 'true');
    assert.equal(await progress(), 0);
    await page.evaluate(() => document.querySelector('.article-body').scrollIntoView({ block: 'end', behavior: 'instant' }));
    await page.waitForFunction(() => new DOMMatrix(getComputedStyle(document.querySelector('.reading-progress-bar')).transform).a > 0.95);
    await page.evaluate(() => window.scrollTo({ top: 0, behavior: 'instant' }));
    await page.waitForFunction(() => new DOMMatrix(getComputedStyle(document.querySelector('.reading-progress-bar')).transform).a === 0);
    page.assertClean();
  });

  await t.test('saved stories survive a reload, list on /saved and can be removed', async () => {
    const story = article(LONG);
    const page = await openPage(browser);
    await page.goto(url(`/article/${LONG}`));
    const save = page.getByRole('button', { name: 'Save for later' });
    assert.equal(await save.getAttribute('aria-pressed'), 'false');
    await save.click();
    assert.equal(await save.getAttribute('aria-pressed'), 'true');
    await page.reload();
    await page.locator('.article h1').waitFor();
    assert.equal(await save.getAttribute('aria-pressed'), 'true', 'still saved after a reload');

    await page.getByRole('link', { name: 'Saved stories' }).click();
    await page.waitForURL('**/saved');
    await page.getByRole('heading', { name: 'Saved stories', level: 1 }).waitFor();
    await assertTitle(page, 'Saved stories – Broadsheet');
    assert.deepEqual(await page.locator('.saved-list .teaser-title').allInnerTexts(), [story.title]);
    await page.getByRole('button', { name: `Remove “${story.title}” from saved stories` }).click();
    await page.locator('.saved-stories .empty').waitFor();
    assert.match(await page.locator('.saved-notice').innerText(), /Removed/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'saved-heading', 'focus is not lost');
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY), null);
    await page.reload();
    await page.locator('.saved-stories .empty').waitFor();
    page.assertClean();
  });

  await t.test('an unreadable reading list is reset with a warning, not an error', async () => {
    const page = await openPage(browser);
    const warnings = [];
    page.on('console', (msg) => { if (msg.type() === 'warning') warnings.push(msg.text()); });
    await page.goto(url('/'));
    await page.evaluate((key) => localStorage.setItem(key, '{"broken": [1, 2'), SAVED_KEY);
    await page.goto(url('/saved'));
    await page.locator('.saved-stories .empty').waitFor();
    assert.equal(await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY), null);
    assert.ok(warnings.some((w) => w.includes(SAVED_KEY)), warnings.join('\n'));
    // The article's toggle reads the same list and starts over just as quietly.
    await page.evaluate((key) => localStorage.setItem(key, 'not json'), SAVED_KEY);
    await page.goto(url(`/article/${SHORT}`));
    const save = page.getByRole('button', { name: 'Save for later' });
    assert.equal(await save.getAttribute('aria-pressed'), 'false');
    await save.click();
    assert.equal(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), SAVED_KEY))[0].slug, SHORT);
    page.assertClean();
  });

  await t.test('the head follows in-app navigation from one story to another', async () => {
    const page = await openPage(browser);
    await page.goto(url(`/article/${LONG}`));
    await page.locator('.article-body p').first().waitFor();
    await assertHeadDescribes(page, url, article(LONG));
    await page.evaluate(() => { window.stillTheSameApp = true; });
    await nearStoryEnd(page);
    const next = page.locator('.related .teaser-title a').first();
    const nextSlug = (await next.getAttribute('href')).split('/').pop();
    await next.click();
    await page.waitForURL(`**/article/${nextSlug}`);
    await page.locator('.article h1', { hasText: article(nextSlug).title }).waitFor();
    await page.waitForFunction((t) => document.title.startsWith(t), article(nextSlug).title);
    assert.equal(await page.evaluate(() => window.stillTheSameApp), true, 'no full page load');
    await assertHeadDescribes(page, url, article(nextSlug));
    // Leaving the stories leaves no story behind in the head.
    await page.locator('.breadcrumbs a', { hasText: 'Home' }).click();
    await page.locator('.lead-story').waitFor();
    assert.equal(await page.locator('head link[rel=canonical], head script[type="application/ld+json"], head meta[property^="og:"]').count(), 0);
    // …and the homepage's title and description replace the story's.
    await assertTitle(page, 'Broadsheet');
    assert.deepEqual(await page.locator('head meta[name=description]').evaluateAll((metas) => metas.map((m) => m.content)), ['Broadsheet – Independent news, plainly told']);
    page.assertClean();
  });

  await t.test('a video story leads with a placeholder that contacts nobody until asked', async () => {
    const page = await openPage(browser);
    const thirdParty = [];
    page.on('request', (req) => { if (/vimeo|youtube|twitter|facebook/.test(new URL(req.url()).hostname)) thirdParty.push(req.url()); });
    // No internet here: the player answers locally once the reader asks for it.
    await page.route('https://player.vimeo.com/**', (route) => route.fulfill({ contentType: 'text/html', body: '<p>player</p>' }));
    await page.goto(url(`/article/${VIDEO}`));
    const load = page.getByRole('button', { name: 'Load video from player.vimeo.com' });
    await load.waitFor();
    const facade = page.locator('.video-lead .embed-facade');
    assert.equal(await facade.locator('.embed-title').innerText(), "A First-Timer's Morning at the Range");
    assert.equal(await page.locator('.hero').count(), 0, 'the video leads instead of the picture');
    assert.equal(await page.locator('iframe').count(), 0);
    const box = await facade.boundingBox();
    assert.ok(Math.abs(box.width / box.height - 560 / 315) < 0.02, 'the embed\'s own proportions');
    await page.waitForTimeout(300);
    assert.deepEqual(thirdParty, []);

    const requested = page.waitForRequest((req) => req.url().startsWith('https://player.vimeo.com/video/76979871'));
    await load.click();
    await requested;
    const iframe = page.locator('.video-lead iframe');
    await iframe.waitFor();
    assert.equal(await iframe.getAttribute('src'), 'https://player.vimeo.com/video/76979871');
    assert.ok((await iframe.getAttribute('sandbox')).includes('allow-scripts'), 'still the sanitized iframe');
    assert.equal(await page.locator('.embed-facade').count(), 0);
    assert.equal(await page.evaluate(() => document.activeElement.tagName), 'IFRAME');
    page.assertClean();
  });

  await t.test('previous and next lead to the neighbouring stories of the Latest list', async () => {
    const at = 2;
    const [newer, current, older] = latest.items.slice(at - 1, at + 2);
    const page = await openPage(browser);
    await page.goto(url(`/article/${current.slug}`));
    await nearStoryEnd(page);
    const nav = page.getByRole('navigation', { name: 'Previous and next stories' });
    await nav.waitFor();
    const previous = nav.getByRole('link', { name: /Previous story/ });
    const next = nav.getByRole('link', { name: /Next story/ });
    assert.equal(await previous.getAttribute('href'), `/article/${older.slug}`);
    assert.equal(await next.getAttribute('href'), `/article/${newer.slug}`);
    assert.match(await previous.innerText(), new RegExp(older.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    if (older.hero) assert.equal(await previous.locator('img').getAttribute('alt'), '', 'the thumbnail is decorative');
    await previous.click();
    await page.waitForURL(`**/article/${older.slug}`);
    await page.locator('.article h1', { hasText: older.title }).waitFor();
    // The newest story has only an older neighbour.
    await page.goto(url(`/article/${latest.items[0].slug}`));
    await nearStoryEnd(page);
    await nav.waitFor();
    assert.equal(await nav.getByRole('link').count(), 1);
    assert.equal(await nav.getByRole('link', { name: /Previous story/ }).getAttribute('href'), `/article/${latest.items[1].slug}`);
    page.assertClean();
  });

  await t.test('the printed page is the story alone', async () => {
    const page = await openPage(browser);
    await page.goto(url(`/article/${LONG}`));
    await nearStoryEnd(page);
    await page.locator('.comment').first().waitFor();
    await page.locator('.related .teaser-card').first().waitFor();
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.site-header', '.site-footer', '.comments', '.related', '.share', '.toc', '.article-tools', '.breadcrumbs', '.reading-progress']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
    }
    assert.ok(await page.locator('.article h1').isVisible());
    assert.ok(await page.locator('.article-body').isVisible());
    assert.match(await page.locator('.article-body').evaluate((b) => getComputedStyle(b).fontFamily), /Georgia|serif/);
    assert.equal(await page.locator('.article-body').evaluate((b) => getComputedStyle(b).color), 'rgb(0, 0, 0)');
    await page.emulateMedia({ media: 'screen' });
    assert.ok(await page.locator('.site-header').isVisible());
    page.assertClean();
  });

  await t.test('not found still shows the 404 page', async () => {
    const page = await openPage(browser);
    await page.goto(url('/article/no-such-story'));
    await page.locator('.not-found h1').waitFor();
    assert.equal(await page.locator('.share, .toc, .reading-progress').count(), 0);
    page.assertClean(['/content/articles/no-such-story.json']);
  });
});

test('only the players config.json allows keep their frames', async (t) => {
  // The publisher allows one player that is not among the defaults, and not Vimeo.
  const video = article(VIDEO);
  const body = video.body.replace(/https:\/\/player\.vimeo\.com\/video\/\d+/, 'https://player.example/v/1')
    + '<iframe src="https://player.vimeo.com/video/1" width="560" height="315" title="Not allowed"></iframe>';
  const { server, browser } = await setup(t, {
    overrides: {
      '/config.json': configWithSource({ kind: 'static', url: '/content/' }, { security: { embed_hosts: ['player.example'] } }),
      [`/content/articles/${VIDEO}.json`]: { body: JSON.stringify({ ...video, body }) },
    },
  });
  const page = await openPage(browser);
  await page.goto(`${server.origin}/article/${VIDEO}`);
  await page.getByRole('button', { name: 'Load content from player.example' }).waitFor();
  assert.equal(await page.locator('.embed-facade').count(), 1, 'the Vimeo frame was removed, not put behind a placeholder');
  assert.equal(await page.locator('iframe').count(), 0);
  page.assertClean();
});

test('a hostile headline stays inside the JSON-LD', async (t) => {
  const original = article(LONG);
  const title = '</script><script>window.pwned = 1</script><!-- “quoted” & more';
  const { server, browser } = await setup(t, {
    overrides: { [`/content/articles/${LONG}.json`]: { body: JSON.stringify({ ...original, title }) } },
  });
  const page = await openPage(browser);
  await page.goto(`${server.origin}/article/${LONG}`);
  await page.locator('.article h1').waitFor();
  const ld = page.locator('head script[type="application/ld+json"]');
  await ld.waitFor({ state: 'attached' });
  assert.equal(await ld.count(), 1);
  assert.equal(JSON.parse(await ld.textContent()).headline, title);
  assert.ok(!(await ld.textContent()).includes('<'), 'no markup characters in the serialized data');
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  const escaped = await page.evaluate(() => [...document.scripts].filter((s) => s.type !== 'application/ld+json' && s.textContent.includes('pwned')).length);
  assert.equal(escaped, 0, 'no script element was made from the title');
  page.assertClean();
});
