// Site chrome on the demo content, beyond the checks every backend passes (site-checks.js): theme
// and text size without a flash, the privacy notice, the menu from the keyboard, advertisements
// that keep their space, focus after navigation, the loading bar, the 404 and error pages.
// Signing in is in wordpress.test.js: the demo has no accounts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, openPage, serve, setup, assertTitle } from '../harness.js';

const latest = JSON.parse(readFileSync(join(DIST, 'content/lists/latest/1.json'), 'utf8'));
const shippedConfig = JSON.parse(readFileSync(join(DIST, 'config.json'), 'utf8'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the early script in index.html left on <html> by DOMContentLoaded, before the app ran. */
async function recordEarlyState(page) {
  await page.addInitScript(() => {
    document.addEventListener('DOMContentLoaded', () => {
      const root = document.documentElement;
      window.earlyState = {
        theme: root.getAttribute('data-theme'),
        size: root.getAttribute('data-text-size'),
        appStarted: Boolean(window.wasmBindings) || Boolean(document.querySelector('.site-header')),
        consented: root.hasAttribute('data-consented'),
      };
    });
  });
}

/** A page that has already accepted the privacy notice, so that it stays out of the way. */
async function acceptedPage(browser) {
  const page = await openPage(browser);
  await page.addInitScript(() => localStorage.setItem('broadsheet.consent', 'true'));
  return page;
}

/** Scrolls the window to `y` (a number or 'end'), at once, and waits for the frame. */
async function scrollTo(page, y) {
  await page.evaluate((y) => window.scrollTo({ top: y === 'end' ? document.documentElement.scrollHeight : y, behavior: 'instant' }), y);
  await page.evaluate(() => new Promise(requestAnimationFrame));
}

/** Every visible link, control, heading, paragraph or picture outside the privacy notice that its box overlaps. */
const underTheNotice = (page) => page.evaluate(() => {
  const bar = document.querySelector('.consent-bar').getBoundingClientRect();
  return [...document.querySelectorAll('a, button, input, h1, h2, h3, p, img')]
    .filter((e) => !e.closest('.consent-bar') && e.checkVisibility({ visibilityProperty: true }))
    .filter((e) => {
      const r = e.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && r.top < bar.bottom && r.bottom > bar.top && r.left < bar.right && r.right > bar.left;
    })
    .map((e) => e.outerHTML.slice(0, 100));
});

const activeElement = (page) => page.evaluate(() => {
  const a = document.activeElement;
  return { tag: a?.tagName, id: a?.id, text: a?.textContent?.trim() ?? '', inMain: Boolean(a?.closest('main')), classes: a?.className ?? '' };
});

test('site chrome on the demo content', async (t) => {
  const { server, browser } = await setup(t);
  const url = (path) => server.origin + path;
  const clearStorage = async () => {
    const page = await browser.context.newPage();
    await page.goto(url('/'));
    await page.evaluate(() => { localStorage.clear(); sessionStorage.clear(); });
    await page.close();
  };

  await t.test('the theme toggle remembers the choice and the page never flashes the wrong theme', async () => {
    await clearStorage();
    const page = await acceptedPage(browser);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.goto(url('/'));
    const toggle = page.getByRole('button', { name: /^Colour theme:/ });
    assert.equal(await toggle.getAttribute('aria-label'), 'Colour theme: Auto');
    assert.equal(await page.locator('html').getAttribute('data-theme'), null);
    await toggle.click();
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'light');
    await toggle.click();
    assert.equal(await toggle.getAttribute('aria-label'), 'Colour theme: Dark');
    assert.equal(await page.locator('html').getAttribute('data-theme'), 'dark');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(20, 20, 20)');
    assert.equal(await page.evaluate(() => localStorage.getItem('broadsheet.theme')), '"dark"');

    // A new visit: the attribute is there at DOMContentLoaded, before the app has started.
    const next = await acceptedPage(browser);
    await next.emulateMedia({ colorScheme: 'light' });
    await recordEarlyState(next);
    await next.goto(url('/latest'));
    const early = await next.evaluate(() => window.earlyState);
    assert.deepEqual(early, { theme: 'dark', size: null, appStarted: false, consented: true });
    await next.locator('.archive-header h1').waitFor();
    assert.equal(await next.getByRole('button', { name: /^Colour theme:/ }).getAttribute('aria-label'), 'Colour theme: Dark');

    // The choice beats the device's setting both ways; Auto follows the device again.
    await next.emulateMedia({ colorScheme: 'dark' });
    await next.getByRole('button', { name: /^Colour theme:/ }).click();
    assert.equal(await next.locator('html').getAttribute('data-theme'), null);
    assert.equal(await next.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(20, 20, 20)');
    await next.evaluate(() => { localStorage.setItem('broadsheet.theme', '"light"'); });
    await next.reload();
    await next.locator('.archive-header h1').waitFor();
    assert.equal(await next.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(255, 255, 255)');
    // A hand-edited value is ignored by the early script and the app alike.
    await next.evaluate(() => { localStorage.setItem('broadsheet.theme', '{oops'); });
    await next.reload();
    await next.locator('.archive-header h1').waitFor();
    assert.equal(await next.locator('html').getAttribute('data-theme'), null);
    page.assertClean();
    next.assertClean();
    await page.close();
    await next.close();
  });

  await t.test('the "Aa" text size is remembered and applied before the app starts', async () => {
    await clearStorage();
    const page = await acceptedPage(browser);
    await page.goto(url('/'));
    const button = page.getByRole('button', { name: /^Aa Text size:/ });
    const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    assert.equal(await rootSize(), '16px');
    await button.click();
    assert.equal(await page.locator('html').getAttribute('data-text-size'), 'large');
    assert.equal(await rootSize(), '18px');
    await button.click();
    assert.equal(await rootSize(), '20px');
    assert.match(await button.innerText(), /^Aa/);
    assert.equal(await button.evaluate((b) => b.textContent), 'Aa Text size: larger');

    await recordEarlyState(page);
    await page.reload();
    assert.equal((await page.evaluate(() => window.earlyState)).size, 'larger');
    await page.locator('.lead-story').waitFor();
    assert.equal(await rootSize(), '20px');
    await page.getByRole('button', { name: /^Aa Text size:/ }).click();
    assert.equal(await page.locator('html').getAttribute('data-text-size'), null);
    assert.equal(await rootSize(), '16px');
    page.assertClean();
    await page.close();
  });

  await t.test('the privacy notice opens the page above the header, covers nothing, and goes for good once accepted', async () => {
    await clearStorage();
    const page = await openPage(browser);
    await recordEarlyState(page);
    await page.goto(url('/'));
    const bar = page.getByRole('region', { name: 'Privacy notice' });
    await bar.waitFor();
    assert.equal(await bar.locator('p').innerText(), 'By using this site, you agree to the Privacy Policy and Terms of Use.');
    assert.equal(await bar.getByRole('link', { name: 'Privacy Policy' }).getAttribute('href'), shippedConfig.consent.privacy);
    assert.equal(await bar.getByRole('link', { name: 'Terms of Use' }).getAttribute('href'), shippedConfig.consent.terms);
    assert.equal((await page.evaluate(() => window.earlyState)).consented, false);

    // Right after the skip link, before the header: the first thing read and tabbed to.
    await page.keyboard.press('Tab');
    assert.equal((await activeElement(page)).text, 'Skip to content');
    await page.keyboard.press('Tab');
    assert.equal((await activeElement(page)).text, 'Privacy Policy');
    const accept = bar.getByRole('button', { name: 'Accept' });
    await accept.focus();
    await page.keyboard.press('Escape');
    assert.ok(await bar.isVisible(), 'Escape does not dismiss it');

    // In the page's flow: at the top of the page with the header right under it, and scrolled
    // away with the page; nothing is ever under it.
    await page.locator('.category-section').first().waitFor();
    const top = await bar.boundingBox();
    assert.equal(top.y, 0);
    const header = await page.locator('.site-header').boundingBox();
    assert.ok(Math.abs(header.y - (top.y + top.height)) <= 1, `the header starts where it ends: ${top.y + top.height}, ${header.y}`);
    for (const y of [0, 600, 'end']) {
      await scrollTo(page, y);
      assert.deepEqual(await underTheNotice(page), [], `nothing under the notice, scrolled to ${y}`);
    }
    assert.ok((await bar.boundingBox()).y < -600, 'it scrolled away with the page');
    const copyright = await page.locator('.site-footer .copyright').boundingBox();
    assert.ok(copyright.y + copyright.height <= 900, 'the footer ends inside the window, uncovered');
    await scrollTo(page, 0);

    await accept.press('Enter');
    await bar.waitFor({ state: 'detached' });
    assert.equal((await activeElement(page)).id, 'content', 'focus goes to the content');
    assert.equal(await page.evaluate(() => localStorage.getItem('broadsheet.consent')), 'true');
    await page.reload();
    await page.locator('.lead-story').waitFor();
    await page.waitForTimeout(200);
    assert.equal(await page.locator('.consent-bar').count(), 0, 'not shown again');
    assert.equal((await page.evaluate(() => window.earlyState)).consented, true, 'the early script knows, for a published page\'s first view');
    page.assertClean();
    await page.close();
  });

  await t.test('on a phone the notice leaves the story\'s share links clear, and a tap accepts it', async () => {
    await clearStorage();
    const page = await openPage(browser);
    // Lighthouse's phone, where the notice once covered the share links.
    await page.setViewportSize({ width: 412, height: 823 });
    await page.goto(url('/article/state-budget-deal-ends-three-week-standoff'));
    const bar = page.getByRole('region', { name: 'Privacy notice' });
    await page.locator('.share-link').first().waitFor();
    assert.ok(await bar.isVisible());
    assert.deepEqual(await underTheNotice(page), []);
    const share = page.getByRole('link', { name: 'Share on LinkedIn' }).first();
    await scrollTo(page, await share.evaluate((link) => link.getBoundingClientRect().top + window.scrollY - 400));
    assert.deepEqual(await underTheNotice(page), []);
    const box = await share.boundingBox();
    assert.equal(await page.evaluate(([x, y]) => document.elementFromPoint(x, y)?.closest('a')?.getAttribute('aria-label'), [box.x + box.width / 2, box.y + box.height / 2]), 'Share on LinkedIn', 'a tap on the link reaches it');
    await scrollTo(page, 0);
    const headline = await page.locator('.article h1').boundingBox();
    await bar.getByRole('button', { name: 'Accept' }).click();
    await bar.waitFor({ state: 'detached' });
    assert.ok((await page.locator('.article h1').boundingBox()).y < headline.y, 'the story moves up into the room the notice took');
    assert.equal(await page.evaluate(() => localStorage.getItem('broadsheet.consent')), 'true');
    page.assertClean();
    await page.close();
  });

  await t.test('the mobile menu works from the keyboard and Escape closes it', async () => {
    const page = await acceptedPage(browser);
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(url('/'));
    const toggle = page.getByRole('button', { name: 'Menu' });
    const items = page.locator('#menu-items');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.ok(!(await items.isVisible()));
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    assert.ok(await items.isVisible());
    await page.keyboard.press('Tab');
    assert.equal((await activeElement(page)).text, shippedConfig.menu[0].label);
    await page.keyboard.press('Tab');
    assert.equal((await activeElement(page)).text, shippedConfig.menu[1].label);
    await page.keyboard.press('Escape');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.ok(!(await items.isVisible()));
    assert.equal((await activeElement(page)).text, 'Menu', 'focus returns to the toggle');
    await page.keyboard.press(' ');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await page.waitForURL('**/latest');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'following a link closes it');
    page.assertClean();
    await page.close();
  });

  await t.test('without a menu in config.json the menu lists the busiest categories', async () => {
    const tally = new Map();
    for (const story of latest.items) {
      const c = story.categories[0];
      if (c) tally.set(c.slug, { name: c.name, n: (tally.get(c.slug)?.n ?? 0) + 1 });
    }
    const busiest = [...tally.values()].sort((a, b) => b.n - a.n).slice(0, 6).map((c) => c.name);
    const other = await serve({ overrides: { '/config.json': { body: JSON.stringify({ ...shippedConfig, menu: [] }) } } });
    try {
      const page = await acceptedPage(browser);
      await page.goto(other.origin + '/');
      await page.locator('.main-menu li').nth(2).waitFor();
      assert.deepEqual(await page.locator('.main-menu a').allInnerTexts(), ['Home', 'Latest News', ...busiest]);
      page.assertClean();
      await page.close();
    } finally {
      await other.close();
    }
  });

  await t.test('advertisements are labelled, sponsored, and keep their size before the picture loads', async () => {
    const page = await acceptedPage(browser);
    const held = [];
    await page.route('**/content/images/ads/**', async (route) => { held.push(route); });
    await page.goto(url('/'));
    await page.locator('.lead-story').waitFor();
    const header = page.locator('.ad-header');
    assert.equal(await header.getAttribute('aria-label'), 'Advertisement');
    assert.equal(await header.locator('.ad-label').innerText(), '- ADVERTISEMENT -');
    const link = header.locator('a');
    assert.equal(await link.getAttribute('rel'), 'sponsored noopener');
    assert.equal(await link.getAttribute('href'), shippedConfig.ads[0].href);
    assert.equal(await header.locator('img').evaluate((img) => img.naturalWidth), 0, 'the picture has not arrived');
    const box = await link.boundingBox();
    assert.deepEqual([Math.round(box.width), Math.round(box.height)], [728, 90]);
    // An in-list slot after every 6 stories, and the sidebar slot.
    assert.equal(await page.locator('.latest-news .ad-in-list').count(), 1);
    const cards = await page.locator('.latest-news .teaser-grid > *').evaluateAll((els) => els.map((e) => e.className));
    assert.equal(cards.indexOf('ad ad-in-list'), 6);
    const sidebar = await page.locator('.home-sidebar .ad-sidebar a').boundingBox();
    assert.equal(Math.round(sidebar.height), Math.round((sidebar.width * 250) / 300));
    // Nothing moves when the pictures arrive.
    const before = await page.locator('.top-stories').boundingBox();
    await Promise.all(held.map((route) => route.continue()));
    await page.waitForFunction(() => document.querySelector('.ad-header img').naturalWidth > 0);
    assert.deepEqual(await page.locator('.top-stories').boundingBox(), before);

    // On a phone the box scales down and keeps its shape.
    await page.setViewportSize({ width: 360, height: 800 });
    const small = await link.boundingBox();
    assert.equal(Math.round(small.width), 328);
    assert.ok(Math.abs(small.height - (328 * 90) / 728) < 1);

    // The stories "Load more" appends keep the rhythm: a slot after every 6, never after the last.
    const shownBefore = await page.locator('.latest-news .teaser-card').count();
    await page.locator('.latest-news').getByRole('button', { name: 'Load more' }).click();
    await page.waitForFunction((n) => document.querySelectorAll('.latest-news .teaser-card').length > n, shownBefore);
    const grown = await page.locator('.latest-news .teaser-grid > *').evaluateAll((els) => els.map((e) => e.className));
    const stories = grown.filter((c) => c === 'teaser-card').length;
    const slots = grown.flatMap((c, i) => (c === 'ad ad-in-list' ? [i] : []));
    assert.ok(stories > 12, `${stories} stories after Load more`);
    assert.deepEqual(slots, Array.from({ length: Math.floor((stories - 1) / 6) }, (_, k) => 7 * k + 6));
    page.assertClean();
    await page.close();
  });

  await t.test('without ads in config.json there are none', async () => {
    const { ads, ...noAds } = shippedConfig;
    assert.ok(ads.length > 0);
    const other = await serve({ overrides: { '/config.json': { body: JSON.stringify(noAds) } } });
    try {
      const page = await acceptedPage(browser);
      const adRequests = [];
      page.on('request', (r) => { if (r.url().includes('/images/ads/')) adRequests.push(r.url()); });
      await page.goto(other.origin + '/');
      await page.locator('.latest-news .teaser-card').first().waitFor();
      await page.goto(other.origin + '/category/politics');
      await page.locator('.teaser-card').first().waitFor();
      assert.equal(await page.locator('.ad').count(), 0);
      assert.deepEqual(adRequests, []);
      page.assertClean();
      await page.close();
    } finally {
      await other.close();
    }
  });

  await t.test('in-app navigation moves focus to the new page heading and updates the title', async () => {
    const page = await acceptedPage(browser);
    await page.goto(url('/category/politics'));
    await page.locator('.archive-header h1').waitFor();
    await page.waitForTimeout(500);
    assert.equal((await activeElement(page)).tag, 'BODY', 'not on the first load');
    await page.locator('.main-menu a', { hasText: 'Tipsheet' }).click();
    await page.waitForURL('**/category/tipsheet');
    await page.waitForFunction(() => document.activeElement?.matches('main h1'));
    const heading = await page.locator('main h1').innerText();
    assert.equal((await activeElement(page)).text, heading);
    await assertTitle(page, `${heading} – Broadsheet`);
    const story = page.locator('.teaser-title a').first();
    const storyTitle = await story.innerText();
    await story.click();
    await page.waitForFunction((t) => document.activeElement?.matches('main h1') && document.activeElement.textContent === t, storyTitle);
    await assertTitle(page, `${storyTitle} – Broadsheet`);
    await page.goBack();
    await page.waitForFunction((t) => document.activeElement?.matches('main h1') && document.activeElement.textContent === t, heading);
    // Tab goes on from the heading into the page; after a full load the skip link comes first.
    await page.keyboard.press('Tab');
    assert.ok((await activeElement(page)).inMain);
    await page.reload();
    await page.locator('main h1').waitFor();
    await page.keyboard.press('Tab');
    assert.equal((await activeElement(page)).text, 'Skip to content');
    await page.keyboard.press('Enter');
    assert.equal((await activeElement(page)).id, 'content');
    page.assertClean();
    await page.close();
  });

  for (const [what, slowFile, open, arrived] of [
    ['an archive', '**/content/lists/category/videos/1.json', (p) => p.locator('.main-menu a', { hasText: 'Videos' }).click(), '.archive-header h1'],
    ['a story', '**/content/articles/*.json', (p) => p.locator('.lead-story h2 a').click(), 'article.article h1'],
  ]) {
    await t.test(`a slow load of ${what} shows the progress bar until it arrives`, async () => {
      const page = await acceptedPage(browser);
      await page.route(slowFile, async (route) => { await sleep(1500); await route.continue(); });
      await page.goto(url('/'));
      await page.locator('.lead-story').waitFor();
      const bar = page.locator('.route-progress');
      assert.equal(await bar.getAttribute('aria-hidden'), 'true');
      assert.ok(!(await bar.evaluate((b) => b.classList.contains('active'))));
      await open(page);
      await page.locator('.route-progress.active').waitFor({ state: 'attached', timeout: 1000 });
      await page.waitForTimeout(400);
      assert.equal(await bar.evaluate((b) => getComputedStyle(b).opacity), '1', 'visible once the load is slow');
      await page.locator(arrived).waitFor();
      await page.locator('.route-progress:not(.active)').waitFor({ state: 'attached' });
      page.assertClean();
      await page.close();
    });
  }

  await t.test('the 404 page and a failed load offer a way back and a retry', async () => {
    const page = await acceptedPage(browser);
    await page.goto(url('/no/such/page'));
    await page.locator('.not-found h1').waitFor();
    await assertTitle(page, 'Page not found – Broadsheet');
    assert.ok(await page.locator('.not-found').getByRole('search').isVisible());
    await page.locator('.not-found').getByRole('link', { name: 'Go to the homepage' }).click();
    await page.locator('.lead-story').waitFor();
    await page.waitForFunction(() => document.activeElement?.matches('main h1'));

    let failing = true;
    await page.route('**/content/lists/tag/border/1.json', (route) => (failing ? route.fulfill({ status: 503, body: 'down' }) : route.continue()));
    await page.goto(url('/tag/border'));
    await page.locator('.load-failed').waitFor({ timeout: 15_000 });
    assert.equal(await page.locator('.load-failed h1').innerText(), 'This page could not be loaded');
    failing = false;
    await page.getByRole('button', { name: 'Try again' }).click();
    await page.locator('.archive-header h1').waitFor();
    assert.ok(await page.locator('.teaser-card').count() > 0);
    page.assertClean(['/content/lists/tag/border/1.json']);
    await page.close();
  });

  await t.test('the demo backend has no accounts: no sign-in button', async () => {
    const page = await acceptedPage(browser);
    await page.goto(url('/'));
    await page.locator('.lead-story').waitFor();
    assert.equal(await page.getByRole('button', { name: 'Sign in' }).count(), 0);
    assert.equal(await page.locator('dialog').count(), 0);
    page.assertClean();
    await page.close();
  });
});
