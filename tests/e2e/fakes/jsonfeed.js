// A fake JSON Feed 1.1 publisher for the end-to-end tests: /feed.json is the first page, whose
// `next_url` names /feed-2.json on the same host (from the request's Host header), and so on for
// every page in jsonfeed-data.json. Also serves the pictures the items name, as small SVGs under
// /images/. CORS open. No dependencies.
//
// Usage: serve({ handler: jsonFeedHandler() }) and configure { kind: 'jsonfeed', url: '<origin>/feed.json' }.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const HERE = new URL('.', import.meta.url).pathname;
const CORS = { 'access-control-allow-origin': '*' };

/** A small picture named after the file, in a colour of its own. */
function imageResponse(res, name) {
  const hue = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 11);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">`
    + `<rect width="1200" height="675" fill="hsl(${hue} 40% 50%)"/>`
    + `<path d="M0 520 Q300 420 600 520 T1200 520 V675 H0 Z" fill="hsl(${(hue + 180) % 360} 50% 70%)"/>`
    + `<text x="60" y="120" font-family="sans-serif" font-size="56" fill="#fff">${name}</text></svg>`;
  res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store', ...CORS });
  res.end(svg);
}

/**
 * The fake feed, from `fixtureDir`/jsonfeed-data.json (`{ feed, pages: [[item…]…] }`).
 * Returns `(req, res) => boolean`: true when it answered.
 */
export function jsonFeedHandler(fixtureDir = HERE) {
  const data = JSON.parse(readFileSync(join(fixtureDir, 'jsonfeed-data.json'), 'utf8'));

  return (req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    const image = /^\/images\/([a-z0-9-]{1,64})\.svg$/.exec(path);
    const feed = /^\/feed(?:-([0-9]{1,3}))?\.json$/.exec(path);
    if (!image && !feed && !path.startsWith('/images/')) return false;

    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'access-control-allow-methods': 'GET, OPTIONS', 'access-control-allow-headers': '*' });
      res.end();
      return true;
    }
    if (image) {
      imageResponse(res, image[1]);
      return true;
    }
    const number = feed ? Number(feed[1] ?? 1) : 0;
    if (!feed || number < 1 || number > data.pages.length || feed[1] === '1') {
      res.writeHead(404, { 'content-type': 'text/plain', ...CORS });
      res.end('not found');
      return true;
    }
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const name = (n) => (n === 1 ? '/feed.json' : `/feed-${n}.json`);
    const body = {
      ...data.feed,
      feed_url: origin + name(number),
      ...(number < data.pages.length ? { next_url: origin + name(number + 1) } : {}),
      items: data.pages[number - 1],
    };
    res.writeHead(200, { 'content-type': 'application/feed+json; charset=utf-8', 'cache-control': 'no-store', ...CORS });
    res.end(JSON.stringify(body).replaceAll('__ORIGIN__', origin));
    return true;
  };
}
