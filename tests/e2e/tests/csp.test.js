// The build served with the Content-Security-Policy that broadsheet-headers wrote into
// dist/_headers: the whole site works and the browser reports no violation.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DIST, openPage, setup, nearStoryEnd } from '../harness.js';

const headersFile = readFileSync(join(DIST, '_headers'), 'utf8');
const csp = headersFile.match(/^ {2}Content-Security-Policy: (.+)$/m)[1];

test('strict Content-Security-Policy', async (t) => {
  const { server, browser } = await setup(t, { headers: { 'Content-Security-Policy': csp } });

  await t.test('the policy is strict', () => {
    // The loader (the binary for the backend) and the theme script (no flash of the wrong theme), each by its hash.
    assert.match(csp, /script-src 'self' 'wasm-unsafe-eval'( 'sha256-[A-Za-z0-9+/=]+')+(;|$)/);
    for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'", "worker-src 'self'", "connect-src 'self'", "frame-ancestors 'self'"]) {
      assert.ok(csp.includes(directive), directive);
    }
    assert.ok(!csp.includes('unsafe-inline') && !csp.includes("'unsafe-eval'"));
  });

  await t.test('every page works under it with zero violations', async () => {
    const page = await openPage(browser);
    const violations = [];
    await page.exposeFunction('reportViolation', (v) => violations.push(v));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => window.reportViolation(`${e.violatedDirective} ${e.blockedURI}`));
    });
    for (const [path, ready] of [
      ['/', '.lead-story'], ['/article/video-first-time-shooter-at-the-range', '.article h1'],
      ['/article/state-budget-deal-ends-three-week-standoff', '.comment'], ['/category/politics', '.teaser-card'],
      ['/search?q=budget', '.search-results li'], ['/page/privacy', '.site-page h1'], ['/nowhere', '.not-found h1'],
    ]) {
      await page.goto(server.origin + path);
      if (path.startsWith('/article/')) await nearStoryEnd(page);
      await page.locator(ready).first().waitFor();
    }
    await page.waitForTimeout(200);
    assert.deepEqual(violations, []);
    page.assertClean();
  });
});
