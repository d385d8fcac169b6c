// A fake Ghost Content API (https://ghost.org/docs/content-api/) for the end-to-end tests, answering
// from ghost-data.json: browse posts (filter, limit, page, include, formats), read posts, pages,
// tags and authors by slug, the `key` check, Ghost's error shape and CORS. Also serves the
// pictures the data names, as small SVGs under /images/. No dependencies.
//
// Usage: serve({ handler: ghostHandler() }) and configure { kind: 'ghost', url: '<origin>/', key }
// with the key from ghost-data.json (exported as GHOST_KEY).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const HERE = new URL('.', import.meta.url).pathname;
const API = '/ghost/api/content/';

/** The Content API key the fake accepts. */
export const GHOST_KEY = JSON.parse(readFileSync(join(HERE, 'ghost-data.json'), 'utf8')).key;

const CORS = { 'access-control-allow-origin': '*' };

function send(res, status, body, type = 'application/json; charset=utf-8') {
  res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store', ...CORS });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

/** Ghost's error body: {"errors":[{message, context, type, …}]}. */
function ghostError(res, status, type, message, context = null) {
  send(res, status, {
    errors: [{ message, context, type, details: null, property: null, help: null, code: null, id: 'fake-error', ghostErrorCode: null }],
  });
}

/** A small picture named after the file, in a colour of its own. */
export function imageResponse(req, res) {
  const path = new URL(req.url, 'http://x').pathname;
  const match = /^\/images\/([a-z0-9-]{1,64})\.svg$/.exec(path);
  if (!match) return false;
  const name = match[1];
  const hue = [...name].reduce((h, c) => (h * 31 + c.charCodeAt(0)) % 360, 7);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="1200" height="675" viewBox="0 0 1200 675">`
    + `<rect width="1200" height="675" fill="hsl(${hue} 45% 55%)"/>`
    + `<circle cx="900" cy="200" r="120" fill="hsl(${(hue + 40) % 360} 60% 80%)"/>`
    + `<text x="60" y="615" font-family="sans-serif" font-size="56" fill="#fff">${name}</text></svg>`;
  res.writeHead(200, { 'content-type': 'image/svg+xml', 'cache-control': 'no-store', ...CORS });
  res.end(svg);
  return true;
}

// ---- A small NQL subset: `a:b`, `a:'quoted \' string'`, `a:~'contains'`, `a:-b`, `a:[x,y]`,
// `published_at:<'2026-11-02 14:05:00'` (and `>`, dates in UTC as Ghost documents them),
// `null`/`true`/`false`, joined by `+` (and) and `,` (or, binding looser). Anything else is a 400,
// as Ghost's "Error parsing filter".

class FilterError extends Error {}

function parseFilter(text) {
  let at = 0;
  const peek = () => text[at];
  const value = () => {
    if (peek() === "'") {
      at += 1;
      let out = '';
      while (at < text.length && text[at] !== "'") {
        if (text[at] === '\\' && (text[at + 1] === "'" || text[at + 1] === '"')) { out += text[at + 1]; at += 2; continue; }
        if (text[at] === '"') throw new FilterError(`unescaped " at ${at}`);
        out += text[at]; at += 1;
      }
      if (peek() !== "'" || out === '') throw new FilterError('unterminated or empty string');
      at += 1;
      return out;
    }
    const start = at;
    while (at < text.length && !"+,()[]'\"".includes(text[at])) {
      if (text[at] === '\\') at += 1;
      at += 1;
    }
    const literal = text.slice(start, at).replace(/\\(.)/g, '$1');
    if (!literal) throw new FilterError(`expected a value at ${start}`);
    return { null: null, true: true, false: false }[literal] ?? literal;
  };
  const condition = () => {
    const prop = /^[a-zA-Z_][a-zA-Z0-9_.]*:/.exec(text.slice(at));
    if (!prop) throw new FilterError(`expected a property at ${at}`);
    at += prop[0].length;
    const field = prop[0].slice(0, -1).toLowerCase();
    let op = 'eq';
    if (text.startsWith('-~', at)) { op = 'not-contains'; at += 2; }
    else if (text.startsWith('~', at)) { op = 'contains'; at += 1; }
    else if (text.startsWith('-', at)) { op = 'ne'; at += 1; }
    else if (text.startsWith('<', at)) { op = 'lt'; at += 1; }
    else if (text.startsWith('>', at)) { op = 'gt'; at += 1; }
    if (peek() === '[') {
      at += 1;
      const values = [value()];
      while (peek() === ',') { at += 1; values.push(value()); }
      if (peek() !== ']') throw new FilterError(`expected ] at ${at}`);
      at += 1;
      return { field, op: op === 'ne' ? 'nin' : 'in', values };
    }
    return { field, op, values: [value()] };
  };
  const ors = [[condition()]];
  while (at < text.length) {
    const sep = text[at];
    at += 1;
    if (sep === '+') ors[ors.length - 1].push(condition());
    else if (sep === ',') ors.push([condition()]);
    else throw new FilterError(`unexpected ${sep} at ${at - 1}`);
  }
  return ors;
}

/** The values a post has for a filter field (Ghost's `tag`/`author` aliases included). */
function fieldValues(post, field) {
  switch (field) {
    case 'tag': case 'tags.slug': return (post.tags ?? []).map((t) => t.slug);
    case 'author': case 'authors.slug': return (post.authors ?? []).map((a) => a.slug);
    case 'primary_tag': case 'primary_tag.slug': return [post.primary_tag?.slug ?? null];
    case 'primary_author': case 'primary_author.slug': return [post.primary_author?.slug ?? null];
    default:
      if (!(field in post)) throw new FilterError(`unknown field ${field}`);
      return [post[field]];
  }
}

function matches(post, ors) {
  return ors.some((ands) => ands.every(({ field, op, values }) => {
    const have = fieldValues(post, field);
    const eq = (a, b) => (typeof a === 'string' && typeof b === 'string' ? a.toLowerCase() === b.toLowerCase() : a === b);
    switch (op) {
      case 'eq': return have.some((h) => eq(h, values[0]));
      case 'ne': return !have.some((h) => eq(h, values[0]));
      case 'in': return have.some((h) => values.some((v) => eq(h, v)));
      case 'nin': return !have.some((h) => values.some((v) => eq(h, v)));
      case 'lt': case 'gt': {
        const bound = Date.parse(`${String(values[0]).replace(' ', 'T')}Z`);
        if (Number.isNaN(bound)) throw new FilterError(`not a date: ${values[0]}`);
        return have.some((h) => (op === 'lt' ? Date.parse(h) < bound : Date.parse(h) > bound));
      }
      case 'contains': return have.some((h) => String(h ?? '').toLowerCase().includes(String(values[0]).toLowerCase()));
      case 'not-contains': return !have.some((h) => String(h ?? '').toLowerCase().includes(String(values[0]).toLowerCase()));
      default: return false;
    }
  }));
}

/** A post as the Content API shows it for these `include` and `formats` parameters. */
function shape(post, params) {
  const include = (params.get('include') ?? '').split(',');
  const formats = (params.get('formats') ?? 'html').split(',');
  const out = { ...post };
  if (!include.includes('tags')) { delete out.tags; delete out.primary_tag; }
  if (!include.includes('authors')) { delete out.authors; delete out.primary_author; }
  if (!formats.includes('html')) delete out.html;
  return out;
}

function positiveInt(text, fallback) {
  if (text === null) return fallback;
  return /^[0-9]{1,6}$/.test(text) && Number(text) >= 1 ? Number(text) : NaN;
}

/**
 * The fake Content API. `fixtureDir` holds ghost-data.json (this directory by default).
 * Returns `(req, res) => boolean`: true when it answered.
 */
export function ghostHandler(fixtureDir = HERE) {
  const data = JSON.parse(readFileSync(join(fixtureDir, 'ghost-data.json'), 'utf8'));
  const newestFirst = [...data.posts].sort((a, b) => Date.parse(b.published_at) - Date.parse(a.published_at));

  return (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname.startsWith('/images/')) return imageResponse(req, res);
    if (!url.pathname.startsWith(API)) return false;

    if (req.method === 'OPTIONS') {
      res.writeHead(204, { ...CORS, 'access-control-allow-methods': 'GET, OPTIONS', 'access-control-allow-headers': '*' });
      res.end();
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      ghostError(res, 405, 'MethodNotAllowedError', 'Method not allowed');
      return true;
    }
    const params = url.searchParams;
    if (params.get('key') !== data.key) {
      ghostError(res, 401, 'UnauthorizedError', 'Authorization failed', 'Unknown Content API Key');
      return true;
    }
    // Absolute URLs in the data point back at whoever serves them.
    const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
    const json = (value) => send(res, 200, JSON.stringify(value).replaceAll('__ORIGIN__', origin));
    const route = url.pathname.slice(API.length);
    let m;

    if (route === 'posts/') {
      let ors = null;
      if (params.has('filter')) {
        try {
          ors = parseFilter(params.get('filter'));
        } catch (e) {
          if (!(e instanceof FilterError)) throw e;
          ghostError(res, 400, 'BadRequestError', 'Error parsing filter', e.message);
          return true;
        }
      }
      const order = params.get('order');
      if (order !== null && !/^published_at (desc|asc)$/i.test(order)) {
        ghostError(res, 400, 'BadRequestError', 'The fake only orders by published_at', order);
        return true;
      }
      const limitParam = params.get('limit');
      const page = positiveInt(params.get('page'), 1);
      const limit = limitParam === 'all' ? 'all' : positiveInt(limitParam, 15);
      if (Number.isNaN(page) || Number.isNaN(limit) || (limit !== 'all' && limit > 100)) {
        ghostError(res, 400, 'ValidationError', 'Validation error, cannot list posts.', 'limit or page is not valid');
        return true;
      }
      let all;
      try {
        all = ors ? newestFirst.filter((post) => matches(post, ors)) : newestFirst;
        if (/asc$/i.test(order ?? '')) all = [...all].reverse();
      } catch (e) {
        if (!(e instanceof FilterError)) throw e;
        ghostError(res, 400, 'BadRequestError', 'Error parsing filter', e.message);
        return true;
      }
      const size = limit === 'all' ? Math.max(all.length, 1) : limit;
      const pages = Math.max(1, Math.ceil(all.length / size));
      json({
        posts: all.slice((page - 1) * size, page * size).map((post) => shape(post, params)),
        meta: {
          pagination: {
            page, limit, pages, total: all.length,
            next: page < pages ? page + 1 : null,
            prev: page > 1 ? page - 1 : null,
          },
        },
      });
      return true;
    }

    const reads = [
      [/^posts\/slug\/([^/]+)\/$/, 'posts', data.posts, 'post', (p) => shape(p, params)],
      [/^pages\/slug\/([^/]+)\/$/, 'pages', data.pages, 'page', (p) => shape(p, params)],
      [/^tags\/slug\/([^/]+)\/$/, 'tags', data.tags, 'tag', (t) => t],
      [/^authors\/slug\/([^/]+)\/$/, 'authors', data.authors, 'author', (a) => a],
    ];
    for (const [pattern, key, records, noun, view] of reads) {
      if ((m = pattern.exec(route))) {
        let slug;
        try { slug = decodeURIComponent(m[1]); } catch { slug = null; }
        const found = records.find((r) => r.slug === slug);
        if (!found) {
          ghostError(res, 404, 'NotFoundError', `Resource not found error, cannot read ${noun}.`);
        } else {
          json({ [key]: [view(found)] });
        }
        return true;
      }
    }
    ghostError(res, 404, 'NotFoundError', 'Resource not found');
    return true;
  };
}
