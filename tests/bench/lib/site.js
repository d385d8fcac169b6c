// The site under measurement: a temporary copy of dist/ (so the bench-only 1,000-comment thread
// never touches the build), published as the README deploys it (broadsheet-publish writes each
// page's first view) or left as the bare app shell, served by the e2e harness the way a CDN would serve it: text files
// compressed (brotli when the browser asks for it, else gzip), with the Content-Security-Policy
// from dist/_headers when the build wrote one.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { serve } from '../../e2e/harness.js';

/** The demo's 150-comment thread (scripts/demo/make_big_thread.py). */
export const THREAD_150 = 'concealed-carry-reciprocity-bill-explained';
/** The story that gets the bench-only 1,000-comment thread in the temporary copy. */
export const THREAD_1000 = 'deer-season-outlook-2026';
export const THREAD_1000_COUNT = 1000;

const COMPRESSIBLE = new Set(['.html', '.js', '.wasm', '.css', '.json', '.svg']);
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.jpg': 'image/jpeg', '.webp': 'image/webp',
};

/**
 * Copies `dist` to a temporary folder and writes a 1,000-comment thread for THREAD_1000 there,
 * made of the 150-comment thread repeated (new ids, replies kept inside their copy, dates moved
 * on), so it is threaded and worded like the real one; with `publish`, runs broadsheet-publish
 * on it. Returns the folder and a cleanup.
 */
export function prepareSite(dist, { publish }) {
  const root = mkdtempSync(join(tmpdir(), 'broadsheet-bench-dist-'));
  cpSync(dist, root, { recursive: true });
  const content = join(root, 'content');
  const source = JSON.parse(readFileSync(join(content, 'comments', `${THREAD_150}.json`), 'utf8')).comments;
  const articlePath = join(content, 'articles', `${THREAD_1000}.json`);
  const article = JSON.parse(readFileSync(articlePath, 'utf8'));
  const comments = [];
  const start = Date.parse(article.published);
  for (let n = 0; comments.length < THREAD_1000_COUNT; n++) {
    const copy = Math.floor(n / source.length);
    const original = source[n % source.length];
    const rename = (id) => `${article.id}-${copy * source.length + Number(id.split('-').pop())}`;
    const offset = Date.parse(original.date) - Date.parse(source[0].date);
    comments.push({
      ...original,
      id: rename(original.id),
      parent: original.parent ? rename(original.parent) : null,
      date: new Date(start + 3600_000 + copy * 86_400_000 + offset).toISOString().replace(/\.\d+Z$/, 'Z'),
    });
  }
  writeFileSync(join(content, 'comments', `${THREAD_1000}.json`), JSON.stringify({ comments }, null, 2));
  article.comments = { ...article.comments, open: true, count: comments.length };
  writeFileSync(articlePath, JSON.stringify(article, null, 2));
  if (publish) {
    const repo = new URL('../../../', import.meta.url).pathname;
    execFileSync('cargo', ['run', '--quiet', '--release', '--package', 'broadsheet-publish', '--', root, '--site-url', 'http://127.0.0.1'], { cwd: repo, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  return { root: root.endsWith('/') ? root : `${root}/`, cleanup: () => rmSync(root, { recursive: true, force: true }) };
}

/** The CSP the build wrote into _headers, if any. */
function cspOf(root) {
  const file = join(root, '_headers');
  if (!existsSync(file)) return null;
  return readFileSync(file, 'utf8').match(/^ {2}Content-Security-Policy: (.+)$/m)?.[1] ?? null;
}

/**
 * Serves `root` through the harness's serve(): every text file (and the SPA fallback) is
 * answered compressed from memory, compressed once up front; the rest (pictures) falls through
 * to the harness. Returns { origin, close, csp, encodingsSeen }.
 */
export async function serveSite(root) {
  const csp = cspOf(root);
  const headers = csp ? { 'Content-Security-Policy': csp } : {};
  const cache = new Map();
  const compressed = (file) => {
    let entry = cache.get(file);
    if (!entry) {
      const raw = readFileSync(file);
      entry = {
        raw,
        br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
        gzip: gzipSync(raw, { level: 9 }),
      };
      cache.set(file, entry);
    }
    return entry;
  };
  // The app's own files are compressed before the first request, as a CDN would have them.
  for (const name of readdirSync(root)) {
    if (COMPRESSIBLE.has(extname(name))) compressed(join(root, name));
  }
  const encodingsSeen = new Set();
  const handler = (req, res) => {
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) return false;
    // A folder answers with its index.html, as static hosts do (as the e2e harness does).
    if (existsSync(file) && statSync(file).isDirectory() && existsSync(join(file, 'index.html'))) file = join(file, 'index.html');
    if (!existsSync(file) || !statSync(file).isFile()) {
      if (extname(path)) return false; // a missing file: the harness answers 404
      file = join(root, 'index.html'); // the SPA fallback
    }
    const ext = extname(file);
    if (!COMPRESSIBLE.has(ext)) return false;
    const accepted = String(req.headers['accept-encoding'] ?? '');
    const entry = compressed(file);
    const [encoding, body] = /\bbr\b/.test(accepted) ? ['br', entry.br] : /\bgzip\b/.test(accepted) ? ['gzip', entry.gzip] : [null, entry.raw];
    encodingsSeen.add(encoding ?? 'identity');
    res.writeHead(200, {
      ...(ext === '.html' ? headers : {}),
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'content-length': body.length,
      vary: 'Accept-Encoding',
      ...(encoding ? { 'content-encoding': encoding } : {}),
    });
    res.end(body);
    return true;
  };
  const server = await serve({ root, handler, headers });
  return { ...server, csp, encodingsSeen };
}
