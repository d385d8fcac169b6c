// The same release build against a real WordPress (Debian's package, seeded with the demo
// content by scripts/wordpress/start.sh): only config.json differs. The checks every backend
// passes (site-checks.js), what is WordPress's own, and signing in with an application password.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configWithSource, nearStoryEnd, openPage, setup, wordpressEnv } from '../harness.js';
import { focused, runSiteChecks } from '../site-checks.js';

const wp = wordpressEnv();
const WP = wp.url;
const wpJson = async (path) => (await fetch(`${WP}wp-json/wp/v2/${path}`)).json();
// The app asks for 10 stories a page (core/src/sources/wordpress.rs).
const PER_PAGE = 10;
const WORDPRESS = {
  latest: async (n) => {
    const answer = await fetch(`${WP}wp-json/wp/v2/posts?per_page=${PER_PAGE}&page=${n}&_fields=slug`);
    return { slugs: (await answer.json()).map((p) => p.slug), totalPages: Number(answer.headers.get('x-wp-totalpages')) };
  },
  // WordPress has no field for a picture's credit.
  heroCredits: false,
};

for (const pretty of [true, false]) {
  test(`WordPress backend (${pretty ? '/wp-json/' : '?rest_route='} form)`, async (t) => {
    const { server, browser } = await setup(t, {
      overrides: { '/config.json': configWithSource({ kind: 'wordpress', url: WP, pretty_permalinks: pretty }) },
    });
    const url = (path) => server.origin + path;
    // API requests to the WordPress site (pictures aside): all in the configured URL form.
    const wpRequests = [];

    await runSiteChecks(t, { browser, url, backend: WORDPRESS });

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

    await t.test('an article\'s picture comes in WordPress\'s sizes and its comments are threaded', async () => {
      const page = await openPage(browser);
      await page.goto(url('/article/state-budget-deal-ends-three-week-standoff'));
      await page.locator('.article h1').waitFor();
      assert.match(await page.locator('.hero img').getAttribute('src'), /\/wp-content\/uploads\//);
      assert.ok(await page.locator('.hero img').getAttribute('srcset'));
      await nearStoryEnd(page);
      await page.locator('.comment').first().waitFor();
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
      const auth = 'Basic ' + Buffer.from(`${wp.adminUser}:${wp.appPassword}`).toString('base64');
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
      await t.test('with WordPress unreachable, a comment keeps its text and goes through on Retry', async () => {
        const page = await openPage(browser);
        await page.goto(url('/article/deer-season-outlook-2026'));
        await nearStoryEnd(page);
        await page.locator('.comment').first().waitFor();
        const form = page.locator('form.comment-form');
        const text = `Written while the server was down ${Date.now()}`;
        await form.getByLabel('Comment').fill(text);
        await form.getByLabel('Name').fill('Patient Reader');
        await form.getByLabel('Email').fill('patient@example.com');
        // The site drops off the network for this tab, as when it is down: every connection to it
        // is refused. (Stopping the shared test WordPress would break other runs on the machine.)
        const refused = (route) => route.abort('connectionrefused');
        await page.route(`${WP}**`, refused);
        await form.getByRole('button', { name: 'Post Comment' }).click();
        await form.locator('.form-error').waitFor();
        assert.match(await form.locator('.form-error').innerText(), /could not be reached/);
        assert.equal(await form.getByLabel('Comment').inputValue(), text);
        await page.unroute(`${WP}**`, refused);
        await form.getByRole('button', { name: 'Retry' }).click();
        await page.locator('.comment', { hasText: text }).waitFor();
        const [post] = await wpJson('posts?slug=deer-season-outlook-2026');
        const comments = await wpJson(`comments?post=${post.id}&per_page=100`);
        assert.ok(comments.some((c) => c.content.rendered.includes(text)), 'the retried comment is in WordPress');
        page.assertClean(['/wp-json/wp/v2/comments']);
      });
    }

    await t.test('site pages and 404', async () => {
      const page = await openPage(browser);
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

test('signing in to WordPress with an application password', async (t) => {
  const { server, browser } = await setup(t, { overrides: { '/config.json': configWithSource({ kind: 'wordpress', url: WP }) } });
  const url = (path) => server.origin + path;
  const page = await openPage(browser);
  // The privacy notice was accepted on an earlier visit: it stays out of the way.
  await page.addInitScript(() => localStorage.setItem('broadsheet.consent', 'true'));
  await page.goto(url('/'));
  await page.locator('.lead-story').waitFor();
  const signIn = page.getByRole('button', { name: 'Sign in', exact: true });
  const dialog = page.getByRole('dialog', { name: 'Welcome back!' });

  await t.test('the dialog takes focus, keeps it, and gives it back on Escape', async () => {
    await signIn.click();
    await dialog.waitFor();
    assert.match(await dialog.innerText(), /Sign in to your account/);
    assert.equal((await focused(page)).id, 'sign-in-login');
    assert.equal(await dialog.getByRole('link', { name: 'Lost your password?' }).getAttribute('href'), `${WP}wp-login.php?action=lostpassword`);
    await page.keyboard.press('Shift+Tab');
    assert.equal((await focused(page)).name, 'Lost your password?', 'Shift+Tab wraps to the last control');
    await page.keyboard.press('Tab');
    assert.equal((await focused(page)).id, 'sign-in-login', 'Tab wraps to the first');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await page.waitForFunction(() => document.activeElement?.textContent === 'Sign in');
  });

  await t.test('a wrong password gets a clear error', async () => {
    await signIn.click();
    await dialog.getByLabel('Username or Email Address').fill(wp.adminUser);
    await dialog.getByLabel('Password').fill('not the password');
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    const error = dialog.getByRole('alert');
    await error.waitFor();
    assert.match(await error.innerText(), /username or password is not right.*application password/);
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  });

  await t.test('the application password signs in; the name shows in the header', async () => {
    await dialog.getByLabel('Password').fill(wp.appPassword);
    await dialog.getByRole('button', { name: 'Sign in' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await page.locator('.account-name').waitFor();
    assert.equal(await page.locator('.account-name').innerText(), `Signed in as ${wp.adminUser}`);
    await page.waitForFunction(() => document.activeElement?.textContent === 'Sign out');
    assert.equal(await page.evaluate(() => Object.keys(localStorage).some((k) => k.includes('session'))), false, 'nothing in localStorage');
    assert.equal(await page.evaluate(() => sessionStorage.length), 1);
  });

  await t.test('a comment posted while signed in is the user\'s in WordPress', async () => {
    const slug = 'deer-season-outlook-2026';
    await page.goto(url(`/article/${slug}`));
    await page.locator('.account-name').waitFor();
    await nearStoryEnd(page);
    const form = page.locator('form.comment-form').first();
    await form.waitFor();
    assert.equal(await form.getByLabel('Name').inputValue(), wp.adminUser);
    assert.equal(await form.getByLabel('Email').inputValue(), 'admin@example.com');
    const text = `Signed-in comment ${Date.now()}`;
    await form.getByLabel('Comment').fill(text);
    await form.getByRole('button', { name: 'Post Comment' }).click();
    await page.locator('.comment', { hasText: text }).waitFor();
    const auth = 'Basic ' + Buffer.from(`${wp.adminUser}:${wp.appPassword}`).toString('base64');
    const [me] = [await (await fetch(`${WP}wp-json/wp/v2/users/me`, { headers: { authorization: auth } })).json()];
    const [post] = await (await fetch(`${WP}wp-json/wp/v2/posts?slug=${slug}`)).json();
    const comments = await (await fetch(`${WP}wp-json/wp/v2/comments?post=${post.id}&per_page=100&search=${encodeURIComponent(text)}`)).json();
    assert.equal(comments.length, 1);
    assert.equal(comments[0].author, me.id, 'attributed to the account');
    assert.equal(comments[0].author_name, me.name);
  });

  await t.test('signing out forgets the session', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signIn.waitFor();
    await page.waitForFunction(() => document.activeElement?.textContent === 'Sign in');
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    await page.reload();
    await signIn.waitFor();
    assert.equal(await page.locator('.account-name').count(), 0);
    // The wrong password's 401 was expected.
    page.assertClean(['users/me']);
  });
});
