// The CloudFront Function the build writes (dist-news/cloudfront-function.js), run in a fresh V8
// context the way CloudFront calls it: one viewer request event in, the request or a response out.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { runInNewContext } from 'node:vm';

const BUILDS = {
  '/news/': new URL('../../../dist-news/cloudfront-function.js', import.meta.url).pathname,
  '/': new URL('../../../dist/cloudfront-function.js', import.meta.url).pathname,
};

function viewerRequest(file, uri) {
  const context = {};
  runInNewContext(readFileSync(file, 'utf8'), context);
  const event = { version: '1.0', context: { eventType: 'viewer-request' }, viewer: { ip: '192.0.2.1' },
    request: { method: 'GET', uri, querystring: {}, headers: {}, cookies: {} } };
  return context.handler(event);
}

test('the CloudFront function under /news/', () => {
  const file = BUILDS['/news/'];
  assert.ok(existsSync(file), 'build it first: scripts/build.sh --base /news/ --dist dist-news');
  const at = (uri) => viewerRequest(file, uri);
  for (const route of ['/news/', '/news/latest', '/news/article/a-story', '/news/category/politics', '/news/tag/mexico',
    '/news/author/ann', '/news/search', '/news/saved', '/news/page/about', '/news/category/politics/']) {
    assert.equal(at(route).uri, '/news/index.html', route);
  }
  const redirect = at('/news');
  assert.equal(redirect.statusCode, 301);
  assert.equal(redirect.headers.location.value, '/news/');
  // Files, the content and paths outside the app go to S3 as asked (a missing one is S3's 404).
  for (const other of ['/news/config.json', '/news/content/articles/a-story.json', '/news/sw.js', '/news/articles',
    '/news/latestnews', '/latest', '/article/a-story', '/news/main-0123456789abcdef.css']) {
    assert.equal(at(other).uri, other, other);
  }
});

test('the CloudFront function at the root', () => {
  const file = BUILDS['/'];
  assert.ok(existsSync(file), 'build it first: scripts/build.sh');
  assert.equal(viewerRequest(file, '/').uri, '/index.html');
  assert.equal(viewerRequest(file, '/article/a-story').uri, '/index.html');
  assert.equal(viewerRequest(file, '/config.json').uri, '/config.json');
  assert.equal(viewerRequest(file, '/news/article/a-story').uri, '/news/article/a-story');
});
