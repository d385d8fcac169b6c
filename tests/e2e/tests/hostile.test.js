// Hostile HTML from the content source never runs, and broken answers show a way to recover.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, openPage, setup } from '../harness.js';

const slug = 'ostrowski-wins-governor-race';
const original = JSON.parse(readFileSync(join(DIST, 'content/articles', `${slug}.json`), 'utf8'));
const hostileBody = [
  '<p>Intro</p><script>window.pwned = "script"</script>',
  '<img src="/nope.png" onerror="window.pwned = \'onerror\'">',
  '<a href="javascript:window.pwned=\'link\'">click</a>',
  '<svg><animate onbegin="window.pwned=\'svg\'" attributeName="x"/></svg>',
  '<iframe srcdoc="<script>parent.pwned=\'iframe\'</script>"></iframe>',
  '<math><mtext><table><mglyph><style><img src=x onerror="window.pwned=\'mxss\'">',
].join('');

test('hostile and broken content', async (t) => {
  const { server, browser } = await setup(t, {
    overrides: {
      [`/content/articles/${slug}.json`]: { body: JSON.stringify({ ...original, body: hostileBody }) },
      '/content/articles/server-error.json': { status: 500, body: 'oops', type: 'text/plain' },
      '/content/articles/truncated.json': { body: JSON.stringify(original).slice(0, 200) },
      '/content/articles/wrong-types.json': { body: JSON.stringify({ ...original, title: 42 }) },
    },
  });

  await t.test('scripts, handlers and javascript: URLs in a story are removed', async () => {
    const page = await openPage(browser);
    await page.goto(`${server.origin}/article/${slug}`);
    await page.locator('.article-body p').first().waitFor();
    await page.locator('.article-body a').click();
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.pwned), undefined);
    const body = await page.locator('.article-body').innerHTML();
    for (const banned of ['<script', 'onerror', 'javascript:', '<svg', '<iframe', '<math', '<style']) {
      assert.ok(!body.includes(banned), `${banned} survived: ${body}`);
    }
    page.assertClean(['/nope.png']); // the hostile <img> keeps its (missing) picture, not its handler
  });

  await t.test('a failing or malformed answer shows a clear message, a retry, and the site keeps working', async () => {
    const page = await openPage(browser);
    const expectations = [
      ['server-error', /had a problem \(error 500\)/, true],
      ['truncated', /cannot read/, false],
      ['wrong-types', /invalid type/, false],
    ];
    for (const [name, message, retry] of expectations) {
      await page.goto(`${server.origin}/article/${name}`);
      await page.locator('.load-failed').waitFor();
      assert.match(await page.locator('.load-failed p').first().innerText(), message, name);
      assert.equal(await page.locator('.load-failed button', { hasText: 'Try again' }).count(), retry ? 1 : 0, name);
    }
    await page.locator('.main-menu a', { hasText: 'Politics' }).click();
    await page.locator('.archive-header h1').waitFor();
    assert.equal(await page.locator('.archive-header h1').innerText(), 'Politics');
    page.assertClean(['HTTP 500: ' + server.origin + '/content/articles/server-error.json']);
  });
});
