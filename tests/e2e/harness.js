// End-to-end harness: serves dist/ like a CDN with an SPA fallback, and drives Debian's Chromium.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { dirname, extname, join, normalize } from 'node:path';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import assert from 'node:assert/strict';

export const DIST = new URL('../../dist/', import.meta.url).pathname;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
};

/**
 * The shipped config.json with `source` replaced: the same build on another backend. `more`
 * overrides other top-level keys, as a publisher would (say, `home` sections of their own).
 */
export function configWithSource(source, more = {}) {
  const config = JSON.parse(readFileSync(join(DIST, 'config.json'), 'utf8'));
  return { body: JSON.stringify({ ...config, ...more, source }) };
}

/**
 * Serves `root` on 127.0.0.1 at a free port. Paths that name a file are that file or 404; any
 * other path is the app's index.html (the SPA fallback every host is told to configure).
 * `overrides` maps a path to `{ status, body, type }` to simulate a publisher's mistakes;
 * `handler(req, res)` answers first when it returns true (fake backends); `headers` are sent
 * with every file (say, the Content-Security-Policy from dist/_headers).
 */
export async function serve({ root = DIST, overrides = {}, handler, headers = {} } = {}) {
  const server = createServer(async (req, res) => {
    if (handler && handler(req, res)) return;
    const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const override = overrides[path];
    if (override) {
      res.writeHead(override.status ?? 200, { 'content-type': override.type ?? 'application/json' });
      return res.end(override.body);
    }
    let file = normalize(join(root, path));
    if (!file.startsWith(root)) { res.writeHead(403); return res.end(); }
    try {
      // A folder answers with its index.html, as static hosts do (published pages).
      if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
    } catch { /* not there: fall through */ }
    try {
      if ((await stat(file)).isFile()) {
        // Read before answering: a file removed meanwhile (a test deploying a new build) is a 404.
        const body = await readFile(file);
        res.writeHead(200, { ...headers, 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
        return res.end(body);
      }
    } catch { /* not a file: fall through */ }
    if (extname(path)) { res.writeHead(404, { 'content-type': 'text/plain' }); return res.end('not found'); }
    res.writeHead(200, { ...headers, 'content-type': TYPES['.html'] });
    res.end(await readFile(join(root, 'index.html')));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return { origin, close: () => new Promise((resolve) => server.close(resolve)) };
}

const CHROMIUM_FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
];

/**
 * A headless Debian Chromium with a fresh profile. Service workers are blocked unless
 * `serviceWorkers: 'allow'`: the offline copy would otherwise answer some requests in the other
 * tests, which expect the network's answers (offline.test.js allows them).
 */
export async function launchBrowser({ serviceWorkers = 'block' } = {}) {
  const profile = mkdtempSync(join(tmpdir(), 'broadsheet-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 1280, height: 900 },
    serviceWorkers,
  });
  return {
    context,
    close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); },
  };
}

/**
 * A new tab that records every console error and uncaught exception (a Rust panic shows as
 * both). Call `assertClean()` at the end of a test.
 */
export async function openPage(browser) {
  const page = await browser.context.newPage();
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('response', (res) => { if (res.status() >= 400) problems.push(`HTTP ${res.status()}: ${res.url()}`); });
  // `allowed`: substrings of expected failures (say, the URL a test made fail on purpose).
  // The browser's own "Failed to load resource" line is covered by the HTTP line for the URL.
  page.assertClean = (allowed = []) => {
    const unexpected = problems
      .filter((p) => !p.includes('Failed to load resource'))
      .filter((p) => !allowed.some((a) => p.includes(a)));
    assert.deepEqual(unexpected, [], 'the page logged errors');
  };
  return page;
}

/**
 * Fails unless the document's title becomes `expected`: the app sets it once the page is painted,
 * a frame or two after the page shows.
 */
export async function assertTitle(page, expected, message) {
  await page.waitForFunction((title) => document.title === title, expected, { timeout: 2_000 }).catch(() => {});
  assert.equal(await page.title(), expected, message);
}

/**
 * Scrolls a story page to the end of the story, as a reader would: what follows it (previous and
 * next, related stories, comments) is only fetched and built when the reader nears it.
 */
export async function nearStoryEnd(page) {
  await page.locator('.when-near').evaluate((place) => place.scrollIntoView());
}

/** Starts a server and a browser for one test file; `t.after` cleans both up. */
export async function setup(t, options = {}) {
  const server = await serve(options);
  const browser = await launchBrowser({ serviceWorkers: options.serviceWorkers });
  t.after(async () => { await browser.close(); await server.close(); });
  return { server, browser };
}

/** A free TCP port on 127.0.0.1 (free when asked; good enough for a test server started next). */
async function freePort() {
  const probe = createServer();
  await new Promise((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address();
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Debian's nginx serving `dist` at `base` (say `/news/`) with the snippet the build wrote,
 * `nginx-broadsheet.conf`, as a publisher would include it: its own temporary prefix, config and
 * port, in the foreground as one process, stopped by `close()`.
 */
export async function serveWithNginx({ dist, base }) {
  const prefix = mkdtempSync(join(tmpdir(), 'broadsheet-nginx-'));
  const site = join(prefix, 'www', base);
  mkdirSync(dirname(site.replace(/\/$/, '')), { recursive: true });
  symlinkSync(dist, site.replace(/\/$/, ''));
  const port = await freePort();
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `    ${t}_temp_path ${prefix}/${t};`).join('\n');
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, `daemon off;
master_process off;
pid ${prefix}/nginx.pid;
error_log ${prefix}/error.log warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
${temp}
    server {
        listen 127.0.0.1:${port};
        root ${join(prefix, 'www')};
        include ${join(site, 'nginx-broadsheet.conf')};
    }
}
`);
  const nginx = spawn('nginx', ['-p', prefix, '-c', conf, '-e', join(prefix, 'error.log')], { stdio: ['ignore', 'inherit', 'inherit'] });
  const exited = new Promise((resolve) => nginx.once('exit', resolve));
  const origin = `http://127.0.0.1:${port}`;
  for (let i = 0; ; i++) {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${readFileSync(join(prefix, 'error.log'), 'utf8')}`);
    if (await fetch(origin + base, { method: 'HEAD' }).then(() => true, () => false)) break;
    if (i > 100) throw new Error('nginx did not answer within 10 s');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    origin,
    close: async () => { nginx.kill('SIGTERM'); await exited; rmSync(prefix, { recursive: true, force: true }); },
  };
}

/**
 * The test WordPress that scripts/wordpress/start.sh runs: `url` (ending in "/"), `adminUser`
 * and `appPassword`, from the env file it writes.
 */
export function wordpressEnv() {
  const file = join(process.env.WP_BASE ?? '/tmp/broadsheet-wp', 'env');
  const env = Object.fromEntries(
    readFileSync(file, 'utf8').split('\n').filter((line) => line.includes('=')).map((line) => line.split(/=(.*)/s).slice(0, 2)),
  );
  return { url: env.WP_URL.replace(/\/?$/, '/'), adminUser: env.WP_ADMIN_USER, appPassword: env.WP_APP_PASSWORD };
}
