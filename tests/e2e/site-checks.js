// What issues #4 (site chrome) and #5 (article view) ask of every element, as one table of checks
// that runs against any backend: the demo content (site.test.js) and the test WordPress
// (wordpress.test.js). Expected values come from the demo content, which the test WordPress is
// seeded with, and from the backend itself where its pages are cut differently.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, openPage, nearStoryEnd } from './harness.js';

const demoContent = (path) => JSON.parse(readFileSync(join(DIST, 'content', path), 'utf8'));
/** A demo story as its JSON file has it. */
export const demoStory = (slug) => demoContent(`articles/${slug}.json`);
const demoAuthor = (slug) => demoContent('authors.json').authors.find((a) => a.slug === slug);

/** Long enough for a table of contents; dated, updated, pictured with a caption, tagged, commented. */
export const STORY = 'state-budget-deal-ends-three-week-standoff';
const CATEGORY = demoStory(STORY).categories[0];

// Percent-encoding of everything but RFC 3986's unreserved characters, as the app does.
const encode = (s) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** The share links a story must have, by accessible name. */
function expectedShareLinks(url, story) {
  const [u, t] = [encode(url), encode(story.title)];
  return {
    'Share on Facebook': `https://www.facebook.com/sharer/sharer.php?u=${u}`,
    'Share on X': `https://x.com/intent/tweet?url=${u}&text=${t}`,
    'Share on LinkedIn': `https://www.linkedin.com/sharing/share-offsite/?url=${u}`,
    'Share on WhatsApp': `https://wa.me/?text=${encode(`${story.title} ${url}`)}`,
    'Share on Reddit': `https://www.reddit.com/submit?url=${u}&title=${t}`,
    'Share by email': `mailto:?subject=${t}&body=${encode(`${story.excerpt}\r\n\r\n${url}`)}`,
  };
}

/** The focused element's id and its accessible name as the page sets it. */
export const focused = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { id: el.id, name: (el.getAttribute('aria-label') ?? el.textContent).trim() };
});

/** The slugs of the stories listed on screen, in order. */
const listedSlugs = (page, selector) =>
  page.locator(`${selector} .teaser-title a`).evaluateAll((links) => links.map((a) => a.getAttribute('href').replace('/article/', '')));

/**
 * Clicks "Load more" in `scope` for pages `from` to `totalPages` of Latest News, each time
 * checking that the page's new stories are appended in order, announced and focused, then that
 * the list says it has ended.
 */
async function loadMoreToTheEnd(page, scope, backend, { from, totalPages, shown }) {
  const more = page.locator(scope).getByRole('button', { name: 'Load more' });
  const status = page.locator(`${scope} [role=status]`);
  let expected = shown;
  // The stories on screen stay the same elements: pages are appended, never rebuilt.
  const firstCard = page.locator(`${scope} .teaser-card`).first();
  await firstCard.evaluate((card) => { card.keptByLoadMore = true; });
  for (let next = from; next <= totalPages; next += 1) {
    // A story already listed (the homepage's lead, or one shifted by a newer story) is not repeated.
    const added = (await backend.latest(next)).slugs.filter((slug) => !expected.includes(slug));
    expected = [...expected, ...added];
    await more.click();
    await page.waitForFunction(([scope, n]) => document.querySelectorAll(`${scope} .teaser-card`).length === n, [scope, expected.length]);
    assert.deepEqual(await listedSlugs(page, scope), expected);
    assert.ok(await firstCard.evaluate((card) => card.keptByLoadMore), 'the first story is the same element');
    await page.waitForFunction((slug) => document.activeElement?.getAttribute('href') === `/article/${slug}`, added[0]);
    const end = next === totalPages ? " You've reached the end." : '';
    assert.equal(await status.innerText(), `${added.length} more ${added.length === 1 ? 'story' : 'stories'} loaded.${end}`);
  }
  assert.equal(await more.count(), 0, 'no button after the last page');
  assert.equal(await page.locator(`${scope} .end-of-list`).innerText(), "You've reached the end");
}

/** Fails unless the document head describes `story` at `url`: for search engines and share cards. */
export async function assertHeadDescribes(page, url, story) {
  // The tags besides the title are added in the frame after the story's first paint.
  await page.locator('head script[type="application/ld+json"]').waitFor({ state: 'attached' });
  const head = await page.evaluate(() => {
    const contents = (selector) => [...document.head.querySelectorAll(selector)].map((m) => m.content);
    return {
      title: document.title,
      description: contents('meta[name=description]'),
      canonical: [...document.head.querySelectorAll('link[rel=canonical]')].map((l) => l.href),
      openGraph: Object.fromEntries(['type', 'title', 'description', 'url', 'image', 'image:width', 'image:alt'].map((p) => [p, contents(`meta[property="og:${p}"]`)])),
      tags: contents('meta[property="article:tag"]').length,
      card: contents('meta[name="twitter:card"]'),
      jsonLd: [...document.head.querySelectorAll('script[type="application/ld+json"]')].map((s) => JSON.parse(s.textContent)),
      // The picture on the page: the backend's address for it, made absolute.
      hero: document.querySelector('.hero img')?.src,
    };
  });
  const canonical = url(`/article/${story.slug}`);
  assert.equal(head.title, `${story.title} – Broadsheet`);
  assert.deepEqual(head.description, [story.excerpt]);
  assert.deepEqual(head.canonical, [canonical]);
  const image = story.hero && head.hero;
  assert.deepEqual(head.openGraph, {
    type: ['article'], title: [story.title], description: [story.excerpt], url: [canonical],
    image: image ? [image] : [], 'image:width': image ? [String(story.hero.width)] : [], 'image:alt': image ? [story.hero.alt] : [],
  });
  assert.equal(head.tags, story.tags.length);
  assert.deepEqual(head.card, [image ? 'summary_large_image' : 'summary']);
  assert.equal(head.jsonLd.length, 1, 'one JSON-LD object');
  const [ld] = head.jsonLd;
  assert.equal(ld['@type'], 'NewsArticle');
  assert.equal(ld.headline, story.title);
  assert.deepEqual(ld.author, story.authors.map((a) => ({ '@type': 'Person', name: a.name, url: url(`/author/${a.slug}`) })));
  assert.equal(Date.parse(ld.datePublished), Date.parse(story.published));
  assert.equal(Date.parse(ld.dateModified), Date.parse(story.modified ?? story.published));
  assert.deepEqual(ld.image, image ? [image] : undefined);
  assert.equal(ld.mainEntityOfPage['@id'], canonical);
}

/** The story page, ready: its text is on screen. */
async function openStory({ browser, url }, slug = STORY) {
  const page = await openPage(browser);
  page.requested = [];
  page.on('request', (request) => page.requested.push(request.url()));
  await page.goto(url(`/article/${slug}`));
  await page.locator('.article-body p').first().waitFor();
  // What lies below the fold (tags, source, the bottom share bar) is built in the frame after.
  await page.getByRole('heading', { name: 'Share This Article' }).waitFor();
  return page;
}

/**
 * Each check gets `{ browser, url, backend }`: `url(path)` on the served build; `backend.latest(n)`
 * gives `{ slugs, totalPages }` of page n of Latest News as the backend has it;
 * `backend.heroCredits` says whether the backend has a field for a picture's credit.
 */
const CHECKS = {
  async 'the article: breadcrumbs, category, byline, dates, reading time, picture, text, tags, related, comments'({ browser, url, backend }) {
    const story = demoStory(STORY);
    const page = await openStory({ browser, url });
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    assert.deepEqual(await crumbs.locator('li').allInnerTexts(), ['Home', CATEGORY.name, story.title]);
    assert.deepEqual(await crumbs.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href'))), ['/', `/category/${CATEGORY.slug}`]);
    assert.equal(await crumbs.locator('li').last().getAttribute('aria-current'), 'page');

    const header = page.locator('.article-header');
    const label = header.locator('.category-label');
    assert.equal(await label.textContent(), CATEGORY.name);
    assert.equal(await label.getAttribute('href'), `/category/${CATEGORY.slug}`);
    assert.equal(await header.locator('h1').innerText(), story.title);
    assert.deepEqual(
      await header.locator('.byline a[rel=author]').evaluateAll((as) => as.map((a) => [a.textContent, a.getAttribute('href')])),
      story.authors.map((a) => [a.name, `/author/${a.slug}`]),
    );
    assert.equal(Date.parse(await header.locator('.dates > time').getAttribute('datetime')), Date.parse(story.published));
    assert.match(await header.locator('.updated').innerText(), /^Last updated: \S/);
    assert.equal(Date.parse(await header.locator('.updated time').getAttribute('datetime')), Date.parse(story.modified));
    assert.match(await header.locator('.reading-time').innerText(), /^[1-9]\d* min read$/);

    const hero = page.locator('figure.hero');
    assert.equal(await hero.locator('img').getAttribute('alt'), story.hero.alt);
    assert.equal(await hero.locator('img').getAttribute('fetchpriority'), 'high');
    assert.equal(await hero.locator('figcaption .caption').textContent(), story.hero.caption);
    assert.equal(await hero.locator('.credit').count(), backend.heroCredits ? 1 : 0);
    if (backend.heroCredits) assert.equal(await hero.locator('.credit').textContent(), story.hero.credit);

    assert.ok(await page.locator('.article-body p').count() > 5);
    assert.ok(await page.locator('.article-body table').count() >= 1);
    // Backends keep a story's tags in an order and case of their own.
    const tags = await page.locator('.tags .tag').evaluateAll((as) => as.map((a) => [a.getAttribute('href'), a.textContent.toLowerCase()]));
    assert.deepEqual(tags.sort(), story.tags.map((tag) => [`/tag/${tag.slug}`, tag.name.toLowerCase()]).sort());

    // What follows the story waits for the reader: the story's own request went alone.
    await page.waitForLoadState('networkidle');
    assert.deepEqual(page.requested.filter((u) => /comments|neighbours|[?&](before|after)=/.test(u)), [], 'nothing below the story fetched yet');
    assert.equal(await page.locator('.comments, .related, .prev-next').count(), 0);
    await nearStoryEnd(page);
    await page.locator('.related .teaser-card').first().waitFor();
    const related = await listedSlugs(page, '.related');
    assert.ok(related.length > 0 && !related.includes(STORY), 'related never lists the story itself');
    await page.locator('.comment').first().waitFor();
    assert.equal(await page.locator('.comment').count(), story.comments.count);
    page.assertClean();
    await page.close();
  },

  async 'share links carry the encoded address, open safely, at the top and the bottom'({ browser, url }) {
    const page = await openStory({ browser, url });
    for (const [name, href] of Object.entries(expectedShareLinks(url(`/article/${STORY}`), demoStory(STORY)))) {
      const links = page.getByRole('link', { name, exact: true });
      assert.equal(await links.count(), 2, `${name}: top and bottom`);
      for (const link of await links.all()) {
        assert.equal(await link.getAttribute('href'), href, name);
        assert.equal(await link.getAttribute('rel'), 'noopener noreferrer', name);
        assert.equal(await link.getAttribute('target'), name === 'Share by email' ? null : '_blank', name);
      }
    }
    assert.equal(await page.locator('.article-header .share').count(), 1, 'under the byline');
    assert.equal(await page.getByRole('heading', { name: 'Share This Article' }).count(), 1);
    // Headless Chromium on Linux has no share sheet: the button is left out, not left broken.
    const hasNativeShare = await page.evaluate(() => 'share' in navigator);
    assert.equal(await page.getByRole('button', { name: 'Share with an app' }).count(), hasNativeShare ? 2 : 0);
    page.assertClean();
    await page.close();
  },

  async 'the keyboard reaches every share button by name, at the top and the bottom'({ browser, url }) {
    const page = await openStory({ browser, url });
    const expected = [
      'Share on Facebook', 'Share on X', 'Share on LinkedIn', 'Share on WhatsApp', 'Share on Reddit', 'Share by email',
      'Print this article', 'Copy link',
    ];
    // From the control just before each bar: "Saved stories" at the top, the last tag at the bottom.
    for (const before of [page.locator('.bookmark-list'), page.locator('.tags .tag').last()]) {
      await before.focus();
      const names = [];
      for (let i = 0; i < expected.length; i += 1) {
        await page.keyboard.press('Tab');
        names.push((await focused(page)).name);
      }
      assert.deepEqual(names, expected);
    }
    page.assertClean();
    await page.close();
  },

  async 'Print calls window.print'({ browser, url }) {
    const page = await openStory({ browser, url });
    await page.evaluate(() => { window.printCalls = 0; window.print = () => { window.printCalls += 1; }; });
    await page.getByRole('button', { name: 'Print this article' }).first().click();
    assert.equal(await page.evaluate(() => window.printCalls), 1);
    page.assertClean();
    await page.close();
  },

  async 'Copy link puts the address on the clipboard and says "Copied" for two seconds'({ browser, url }) {
    await browser.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: url('') });
    const page = await openStory({ browser, url });
    await page.getByRole('button', { name: 'Copy link' }).first().click();
    const status = page.locator('.article-header .share-status');
    await status.filter({ hasText: 'Copied' }).waitFor();
    assert.equal(await status.getAttribute('role'), 'status', 'announced to screen readers');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url(`/article/${STORY}`));
    await page.waitForFunction(() => document.querySelector('.article-header .share-status').textContent === '', null, { timeout: 4000 });
    page.assertClean();
    await page.close();
  },

  async 'the head: title, description, canonical, Open Graph, Twitter card and JSON-LD NewsArticle'({ browser, url }) {
    const page = await openStory({ browser, url });
    await assertHeadDescribes(page, url, demoStory(STORY));
    page.assertClean();
    await page.close();
  },

  async 'category, tag and author archives, the author with a bio'({ browser, url }) {
    const page = await openPage(browser);
    const author = demoAuthor('helen-marsh');
    for (const [path, heading] of [['/latest', 'Latest News'], [`/category/${CATEGORY.slug}`, CATEGORY.name], ['/tag/border', 'Border'], [`/author/${author.slug}`, author.name]]) {
      await page.goto(url(path));
      await page.locator('.archive-header h1').waitFor();
      assert.equal(await page.locator('.archive-header h1').innerText(), heading, path);
      await page.locator('.teaser-card').first().waitFor();
      assert.match(await page.locator('.archive-header .count').innerText(), /^\d+ stor(y|ies)$/, path);
      const descriptions = await page.locator('head meta[name=description]').evaluateAll((ms) => ms.map((m) => m.content));
      assert.equal(descriptions.length, 1, path);
      assert.ok(descriptions[0].startsWith(heading) || descriptions[0].length > 20, `${path}: ${descriptions[0]}`);
    }
    assert.equal(await page.locator('.author-profile .bio').innerText(), author.bio);
    page.assertClean();
    await page.close();
  },

  async 'numbered pages: ?page=N lists page N, marks it, and links its neighbours'({ browser, url, backend }) {
    const page = await openPage(browser);
    const [second, { totalPages }] = [await backend.latest(2), await backend.latest(1)];
    await page.goto(url('/latest?page=2'));
    await page.locator('.archive-header h1').waitFor();
    assert.equal(await page.locator('.archive-header h1').innerText(), 'Latest News – page 2');
    assert.deepEqual(await listedSlugs(page, '.teaser-list'), second.slugs);
    const pages = page.getByRole('navigation', { name: 'Pages' });
    assert.equal(await pages.locator('[aria-current=page]').innerText(), '2');
    assert.equal(await pages.getByRole('link', { name: '« Previous' }).getAttribute('href'), '/latest');
    assert.equal(await pages.getByRole('link', { name: 'Next »' }).getAttribute('href'), '/latest?page=3');
    await pages.getByRole('link', { name: String(totalPages), exact: true }).click();
    await page.locator('.archive-header h1', { hasText: `page ${totalPages}` }).waitFor();
    assert.deepEqual(await listedSlugs(page, '.teaser-list'), (await backend.latest(totalPages)).slugs);
    assert.equal(await page.locator('.end-of-list').innerText(), "You've reached the end");
    assert.equal(await page.getByRole('button', { name: 'Load more' }).count(), 0);
    assert.equal(await pages.getByRole('link', { name: 'Next »' }).count(), 0);
    page.assertClean();
    await page.close();
  },

  async 'Load more on an archive keeps the ?page=N address and the numbered pages in step'({ browser, url, backend }) {
    const page = await openPage(browser);
    const [second, { totalPages }] = [await backend.latest(2), await backend.latest(1)];
    await page.goto(url('/latest?page=2'));
    await page.locator('.archive-header h1').waitFor();
    await loadMoreToTheEnd(page, 'main', backend, { from: 3, totalPages, shown: second.slugs });
    assert.equal(await page.locator('.pagination [aria-current=page]').innerText(), String(totalPages));
    assert.equal(new URL(page.url()).search, '?page=2', 'the address still names where the reader came in');
    page.assertClean();
    await page.close();
  },

  async 'Load more on the homepage appends Latest News in place, after page 1 without the lead'({ browser, url, backend }) {
    const page = await openPage(browser);
    await page.goto(url('/'));
    await page.locator('.latest-news .teaser-card').first().waitFor();
    const lead = (await page.locator('.lead-title a').getAttribute('href')).replace('/article/', '');
    const first = await backend.latest(1);
    const shown = first.slugs.filter((slug) => slug !== lead);
    assert.deepEqual(await listedSlugs(page, '.latest-news'), shown);
    await page.evaluate(() => { window.firstCard = document.querySelector('.latest-news .teaser-card'); });
    await loadMoreToTheEnd(page, '.latest-news', backend, { from: 2, totalPages: first.totalPages, shown });
    assert.ok(await page.evaluate(() => window.firstCard === document.querySelector('.latest-news .teaser-card')), 'the first stories stay in place');
    page.assertClean();
    await page.close();
  },

  async 'search finds stories and says when nothing matches'({ browser, url }) {
    const page = await openPage(browser);
    await page.goto(url('/'));
    await page.locator('#site-search').fill('budget');
    await page.locator('#site-search').press('Enter');
    await page.waitForURL(/\/search\?q=budget/);
    await page.locator('.search-results li').first().waitFor();
    const titles = await page.locator('.search-results h2').allInnerTexts();
    assert.ok(titles.some((title) => /budget/i.test(title)), titles.join(' | '));
    assert.match(await page.locator('main .count').innerText(), /^\d+ results? for “budget”$/);
    await page.goto(url('/search?q=zzzqqq'));
    await page.locator('.empty').waitFor();
    assert.match(await page.locator('.empty').innerText(), /No stories match/);
    page.assertClean();
    await page.close();
  },

  async 'search suggestions follow typing and work from the keyboard and the mouse'({ browser, url }) {
    const page = await openPage(browser);
    await page.goto(url('/'));
    const box = page.locator('#site-search');
    const listbox = page.locator('#site-search-suggestions');
    assert.equal(await box.getAttribute('role'), 'combobox');
    await box.pressSequentially('b', { delay: 30 });
    await page.waitForTimeout(500);
    assert.ok(!(await listbox.isVisible()), 'one letter asks for nothing');
    await box.pressSequentially('udget', { delay: 30 });
    await listbox.waitFor();
    const options = listbox.getByRole('option');
    const count = await options.count();
    assert.ok(count >= 1 && count <= 6, `${count} suggestions`);
    assert.equal(await box.getAttribute('aria-expanded'), 'true');
    assert.equal(await box.getAttribute('aria-activedescendant'), null);
    assert.match(await page.locator('.search-form [role=status]').innerText(), /suggestion/);
    await box.press('ArrowDown');
    assert.equal(await box.getAttribute('aria-activedescendant'), 'site-search-option-0');
    assert.equal(await options.nth(0).getAttribute('aria-selected'), 'true');
    await box.press('ArrowUp');
    assert.equal(await box.getAttribute('aria-activedescendant'), `site-search-option-${count - 1}`);
    await box.press('ArrowDown');
    assert.equal(await box.getAttribute('aria-activedescendant'), 'site-search-option-0');
    assert.equal((await focused(page)).id, 'site-search', 'focus stays in the box');
    await box.press('Escape');
    assert.ok(!(await listbox.isVisible()));
    assert.equal(await box.inputValue(), 'budget', 'Escape keeps the text');
    assert.equal(await box.getAttribute('aria-expanded'), 'false');
    await box.press('ArrowDown');
    assert.ok(await listbox.isVisible(), 'the arrow key opens the list again');
    const title = await options.nth(0).locator('.suggestion-title').innerText();
    await box.press('Enter');
    await page.waitForURL('**/article/**');
    await page.locator('.article h1').waitFor();
    assert.equal(await page.locator('.article h1').innerText(), title);
    // Enter with nothing highlighted still searches.
    await box.pressSequentially('border', { delay: 20 });
    await listbox.waitFor();
    await box.press('Enter');
    await page.waitForURL(/\/search\?q=border/);
    await page.locator('.search-results li').first().waitFor();
    // A mouse click on a suggestion opens it.
    await box.fill('');
    await box.pressSequentially('harvest', { delay: 20 });
    await listbox.waitFor();
    const clicked = await options.nth(0).locator('.suggestion-title').innerText();
    await options.nth(0).click();
    await page.waitForURL('**/article/**');
    await page.locator('.article h1', { hasText: clicked }).waitFor();
    page.assertClean();
    await page.close();
  },
};

/** Runs every check as a subtest of `t` against the build at `url` on `backend`. */
export async function runSiteChecks(t, context) {
  for (const [name, check] of Object.entries(CHECKS)) {
    await t.test(name, () => check(context));
  }
}
