// Previous and next on every backend: the stories published just before and after, also for a
// story beyond the first page of Latest, and across the boundary between its pages. What the
// app's own Latest pages list, in order, is what the links must follow.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { configWithSource, openPage, serve, setup, wordpressEnv, nearStoryEnd } from '../harness.js';
import { GHOST_KEY, ghostHandler } from '../fakes/ghost.js';
import { jsonFeedHandler } from '../fakes/jsonfeed.js';

const backends = [
  ['the demo content', async () => ({ source: { kind: 'static', url: '/content/' } })],
  ['WordPress', async () => ({ source: { kind: 'wordpress', url: wordpressEnv().url } })],
  ['Ghost', async (t) => {
    const ghost = await serve({ handler: ghostHandler() });
    t.after(() => ghost.close());
    return { source: { kind: 'ghost', url: `${ghost.origin}/`, key: GHOST_KEY } };
  }],
  ['a JSON Feed', async () => ({ source: { kind: 'jsonfeed', url: '/feed.json' }, handler: jsonFeedHandler() })],
];

for (const [name, backend] of backends) {
  test(`previous and next on ${name}`, async (t) => {
    const { source, handler } = await backend(t);
    const { server, browser } = await setup(t, { handler, overrides: { '/config.json': configWithSource(source) } });
    const page = await openPage(browser);
    // Latest, newest first, as the app lists it: the first two pages.
    const listed = async (query) => {
      await page.goto(`${server.origin}/latest${query}`);
      await page.locator('.teaser-list .teaser-title a').first().waitFor();
      return page.locator('.teaser-list .teaser-title a').evaluateAll((links) => links.map((a) => a.getAttribute('href')));
    };
    const slugs = await listed('');
    const perPage = slugs.length;
    slugs.push(...(await listed('?page=2')));
    assert.ok(slugs.length > perPage, `${name} has a second page of Latest`);
    const nav = page.getByRole('navigation', { name: 'Previous and next stories' });
    // The first story of page 2: its next is the last of page 1; then one deeper in page 2.
    for (const at of [perPage, perPage + 1].filter((i) => i + 1 < slugs.length)) {
      await page.goto(server.origin + slugs[at]);
      await nearStoryEnd(page);
      await nav.waitFor();
      assert.equal(await nav.getByRole('link', { name: /Next story/ }).getAttribute('href'), slugs[at - 1], `next of ${slugs[at]}`);
      assert.equal(await nav.getByRole('link', { name: /Previous story/ }).getAttribute('href'), slugs[at + 1], `previous of ${slugs[at]}`);
    }
    // The newest story has no next.
    await page.goto(server.origin + slugs[0]);
    await nearStoryEnd(page);
    await nav.waitFor();
    assert.equal(await nav.getByRole('link', { name: /Next story/ }).count(), 0);
    assert.equal(await nav.getByRole('link', { name: /Previous story/ }).getAttribute('href'), slugs[1]);
    page.assertClean();
  });
}
