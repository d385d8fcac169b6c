// Accessibility: axe-core finds nothing wrong (WCAG 2 A/AA and best practices) on every kind of
// page, while one loads, and with the search suggestions, the mobile menu, the sign-in dialog or
// a comment form's errors showing, in the light and the dark theme, on the demo content under the
// shipped Content-Security-Policy and on the test WordPress.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { assertAccessible } from '../axe.js';
import { DIST, configWithSource, openPage, setup, wordpressEnv, nearStoryEnd } from '../harness.js';
import { STORY } from '../site-checks.js';

const csp = readFileSync(join(DIST, '_headers'), 'utf8').match(/^ {2}Content-Security-Policy: (.+)$/m)[1];
const PHONE = { width: 360, height: 800 };
// Lighthouse's phone: its accessibility audit looks at the page as it opens, at the top.
const LIGHTHOUSE_PHONE = { width: 412, height: 823 };
// A story is complete once its comments and related stories have come.
const STORY_READY = ['.comment', '.related .teaser-card'];

const openMobileMenu = async (page) => {
  await page.getByRole('button', { name: 'Menu' }).click();
  await page.locator('#menu-items.open').waitFor();
};
const showSuggestions = async (page) => {
  await page.locator('#site-search').pressSequentially('budget', { delay: 20 });
  await page.locator('#site-search-suggestions').waitFor();
};
const postEmptyComment = async (page) => {
  await page.locator('form.comment-form').first().getByRole('button', { name: 'Post Comment' }).click();
  await page.locator('form.comment-form [aria-invalid="true"]').first().waitFor();
};
const openSignIn = async (page) => {
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('dialog', { name: 'Welcome back!' }).waitFor();
};
// The story never arrives: the page stays on its loading placeholder.
const holdStories = (page) => page.route('**/content/articles/*.json', () => {});
const scrollToTop = async (page) => {
  // The smooth scroll down to the story's end can carry on past an instant scroll made during
  // it: scroll again until the page stays at the top.
  await page.evaluate(async () => {
    for (let tries = 0; tries < 20 && !(window.scrollY === 0 && tries > 0); tries++) {
      window.scrollTo({ top: 0, behavior: 'instant' });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  });
  assert.equal(await page.evaluate(() => window.scrollY), 0);
};
const saveStory = async (page, url) => {
  await page.goto(url(`/article/${STORY}`));
  await page.getByRole('button', { name: 'Save for later' }).click();
};

/**
 * What each check shows: `ready` (one selector or several) is on screen once the page is
 * complete, unless it is `stillLoading`; `before` runs first, `then` opens what is to be checked
 * on top of the page.
 */
const DEMO_VIEWS = [
  { name: 'home with the privacy notice', path: '/', ready: '.category-section', firstVisit: true },
  { name: 'home', path: '/', ready: '.category-section' },
  {
    name: 'article with the privacy notice, on a phone, at the top', path: `/article/${STORY}`, ready: STORY_READY,
    firstVisit: true, viewport: LIGHTHOUSE_PHONE, then: scrollToTop,
  },
  { name: 'article with its comments', path: `/article/${STORY}`, ready: STORY_READY },
  { name: 'category', path: '/category/politics', ready: '.teaser-card' },
  { name: 'tag', path: '/tag/border', ready: '.teaser-card' },
  { name: 'author', path: '/author/helen-marsh', ready: '.author-profile .bio' },
  { name: 'Latest News, page 2', path: '/latest?page=2', ready: '.pagination' },
  { name: 'search results', path: '/search?q=budget', ready: '.search-results li' },
  { name: 'search without a match', path: '/search?q=zzzqqq', ready: '.empty' },
  { name: 'saved stories', path: '/saved', ready: '.saved-list', before: saveStory },
  { name: 'a site page', path: '/page/privacy', ready: '.site-page h1' },
  { name: 'the 404 page', path: '/no/such/page', ready: '.not-found h1' },
  {
    name: 'a story still loading', path: `/article/${STORY}`, ready: '.skeleton', before: holdStories, stillLoading: true,
    // The page's h1 comes with its content (and focus moves to it then); a placeholder heading
    // would be announced, and focused, for nothing.
    exempt: ['page-has-heading-one'],
  },
  { name: 'search suggestions open', path: '/', ready: '.lead-story', then: showSuggestions },
  { name: 'mobile menu open', path: '/', ready: '.lead-story', viewport: PHONE, then: openMobileMenu },
];

const WORDPRESS_VIEWS = [
  { name: 'home', path: '/', ready: '.category-section' },
  { name: 'article with its comments', path: `/article/${STORY}`, ready: STORY_READY },
  { name: 'category', path: '/category/politics', ready: '.teaser-card' },
  { name: 'search results', path: '/search?q=budget', ready: '.search-results li' },
  { name: 'comment form showing its errors', path: `/article/${STORY}`, ready: STORY_READY, then: postEmptyComment },
  { name: 'sign-in dialog open', path: '/', ready: '.lead-story', then: openSignIn },
  { name: 'sign-in dialog open on a phone', path: '/', ready: '.lead-story', viewport: PHONE, then: openSignIn },
];

/**
 * One subtest per view and theme, each in a fresh tab as a new reader (nothing saved from the
 * views before) who chose the theme in the header.
 */
async function checkViews(t, browser, origin, views) {
  const url = (path) => origin + path;
  for (const theme of ['light', 'dark']) {
    for (const view of views) {
      await t.test(`${view.name}, ${theme} theme`, async () => {
        const page = await openPage(browser);
        await page.goto(url('/config.json'));
        await page.evaluate(() => localStorage.clear());
        await page.emulateMedia({ colorScheme: theme });
        await page.addInitScript(([theme, firstVisit]) => {
          localStorage.setItem('broadsheet.theme', JSON.stringify(theme));
          if (firstVisit) localStorage.removeItem('broadsheet.consent');
          else localStorage.setItem('broadsheet.consent', 'true');
        }, [theme, Boolean(view.firstVisit)]);
        if (view.viewport) await page.setViewportSize(view.viewport);
        if (view.before) await view.before(page, url);
        await page.goto(url(view.path));
        // What follows a story comes when the reader nears it.
        if (view.path.startsWith('/article/') && !view.stillLoading) await nearStoryEnd(page);
        for (const ready of [view.ready].flat()) await page.locator(ready).first().waitFor();
        // Everything still loading has come, so that what is checked does not depend on timing.
        if (!view.stillLoading) await page.waitForFunction(() => !document.querySelector('[aria-busy="true"]'));
        if (view.then) await view.then(page);
        await assertAccessible(page, `${view.name} (${theme})`, { exempt: view.exempt });
        page.assertClean();
        await page.close();
      });
    }
  }
}

test('accessibility on the demo content', async (t) => {
  const { server, browser } = await setup(t, { headers: { 'Content-Security-Policy': csp } });
  await checkViews(t, browser, server.origin, DEMO_VIEWS);
});

test('accessibility on WordPress', async (t) => {
  const wp = wordpressEnv();
  const { server, browser } = await setup(t, {
    overrides: { '/config.json': configWithSource({ kind: 'wordpress', url: wp.url }) },
  });
  await checkViews(t, browser, server.origin, WORDPRESS_VIEWS);
});
