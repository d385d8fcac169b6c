// The performance benchmark: what a reader of the demo site feels, measured in Debian's headless
// Chromium over the DevTools protocol, side by side with the test WordPress's own theme serving
// the same stories, then Lighthouse. Prints one table and rewrites BENCHMARKS.md.
// Not a test: no number fails anything. Run through scripts/bench.sh (it builds first).
//
//   node tests/bench/bench.js [--runs N] [--dist DIR] [--wordpress URL|none] [--no-lighthouse]
//                             [--interactive-only] [--out FILE] [--json FILE]
//
// --interactive-only measures only in-app navigation and the comment threads (no page loads, heap
// or Lighthouse): the quick loop while working on those; give --out so BENCHMARKS.md is kept.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { launchBrowser } from '../e2e/harness.js';
import { measureHeap, measureNavigation, measureThread, median } from './lib/interactive.js';
import { lighthouseVersion, runLighthouse } from './lib/lighthouse.js';
import { MOBILE, measureLoad } from './lib/page.js';
import { buildReport } from './lib/report.js';
import { measureSizes } from './lib/sizes.js';
import { prepareSite, serveSite, THREAD_150, THREAD_1000, THREAD_1000_COUNT } from './lib/site.js';

const REPO = new URL('../../', import.meta.url).pathname;
const ARTICLE = 'state-budget-deal-ends-three-week-standoff';

function options(argv) {
  const o = { runs: 5, dist: join(REPO, 'dist'), wordpress: process.env.WP_URL ?? 'http://127.0.0.1:8081', lighthouse: true, interactiveOnly: false, out: join(REPO, 'BENCHMARKS.md'), json: null };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--runs') o.runs = Number(argv[++i]);
    else if (a === '--dist') o.dist = argv[++i];
    else if (a === '--wordpress') o.wordpress = argv[++i];
    else if (a === '--no-lighthouse') o.lighthouse = false;
    else if (a === '--interactive-only') o.interactiveOnly = true;
    else if (a === '--out') o.out = argv[++i];
    else if (a === '--json') o.json = argv[++i];
    else throw new Error(`bench: unknown argument ${a}`);
  }
  if (o.interactiveOnly) Object.assign(o, { wordpress: 'none', lighthouse: false });
  if (o.wordpress === 'none') o.wordpress = null;
  o.wordpress = o.wordpress?.replace(/\/$/, '') ?? null;
  return o;
}

const started = Date.now();
const log = (message) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(3)}s] ${message}\n`);

function sh(cmd, args) {
  try {
    return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return null;
  }
}

function machine() {
  const chromium = sh(process.env.CHROMIUM ?? '/usr/bin/chromium', ['--version'])?.split('\n').find((l) => /Chrom/.test(l)) ?? 'unknown';
  const cpu = sh('lscpu', [])?.match(/^Model name:\s*(.+)$/m)?.[1] ?? cpus()[0]?.model ?? 'unknown';
  const commit = sh('git', ['-C', REPO, 'rev-parse', '--short', 'HEAD']);
  const dirty = sh('git', ['-C', REPO, 'status', '--porcelain', '--untracked-files=no']);
  return {
    date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
    nproc: Number(sh('nproc', [])) || cpus().length,
    memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB (${(freemem() / 2 ** 30).toFixed(1)} GiB free at start)`,
    cpu,
    chromium,
    node: process.version,
    lighthouse: lighthouseVersion(),
    commit: commit ? `${commit}${dirty ? ' with uncommitted changes' : ''}` : 'unknown',
    loadBefore: loadavg().map((x) => x.toFixed(2)).join(' '),
  };
}

async function reachable(url) {
  try {
    const r = await fetch(url, { signal: AbortSignal.timeout(5000), redirect: 'manual' });
    return r.status < 500;
  } catch {
    return false;
  }
}

/**
 * What WordPress's pages would weigh with brotli, which its nginx here does not use: its text
 * responses fetched again and compressed. `null` when WordPress does not answer any more.
 */
async function brotliEquivalent(responses) {
  let total = 0;
  for (const r of responses) {
    const text = /^(text\/|application\/(javascript|json|xml|x-javascript)|image\/svg)/.test(r.mime ?? '');
    if (!text || r.encoding) { total += r.bytes ?? 0; continue; }
    try {
      const answer = await fetch(r.url, { signal: AbortSignal.timeout(10_000) });
      if (!answer.ok) { total += r.bytes ?? 0; continue; } // an error page, as it was sent
      const body = Buffer.from(await answer.arrayBuffer());
      total += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    } catch {
      return null;
    }
  }
  return total;
}

function readContent(root) {
  const content = join(root, 'content');
  const articles = readdirSync(join(content, 'articles')).sort()
    .map((f) => JSON.parse(readFileSync(join(content, 'articles', f), 'utf8')))
    .map((a) => ({ slug: a.slug, title: a.title }));
  const categoriesFile = JSON.parse(readFileSync(join(content, 'categories.json'), 'utf8'));
  const categories = (Array.isArray(categoriesFile) ? categoriesFile : categoriesFile.categories).map((c) => ({ slug: c.slug, name: c.name }));
  return { articles, categories };
}

async function main() {
  const o = options(process.argv.slice(2));
  const info = machine();
  const results = { options: { runs: o.runs, wordpress: o.wordpress }, machine: info };

  log(`sizes of ${o.dist}`);
  results.sizes = measureSizes(o.dist);

  log('publishing a copy of the build (broadsheet-publish), and a copy left as the bare app shell');
  const site = prepareSite(o.dist, { publish: true });
  const server = await serveSite(site.root);
  const shellSite = prepareSite(o.dist, { publish: false });
  const shellServer = await serveSite(shellSite.root);
  results.csp = !!server.csp;
  const { articles, categories } = readContent(site.root);
  const wp = o.wordpress && (await reachable(`${o.wordpress}/`)) ? o.wordpress : null;
  if (o.wordpress && !wp) log(`WordPress at ${o.wordpress} does not answer: its column stays empty`);
  results.wordpress = wp;

  const pages = {
    home: { ours: [`${server.origin}/`, '.lead-title'], shell: [`${shellServer.origin}/`, '.lead-title'], theirs: wp && [`${wp}/`, '.wp-block-post-title'] },
    article: {
      ours: [`${server.origin}/article/${ARTICLE}`, '.article h1'],
      shell: [`${shellServer.origin}/article/${ARTICLE}`, '.article h1'],
      theirs: wp && [`${wp}/${ARTICLE}/`, '.wp-block-post-title'],
    },
  };
  const SIDES = ['ours', 'shell', 'theirs'];
  let browser = await launchBrowser();
  try {
    // Page loads: every run does every page, ours then theirs, so drift in the machine's load
    // hits both sides alike.
    results.loads = {};
    for (const condition of o.interactiveOnly ? [] : ['desktop', 'mobile']) {
      for (const name of Object.keys(pages)) results.loads[`${name}/${condition}`] = { ours: [], shell: [], theirs: [] };
    }
    for (let run = 1; run <= o.runs && !o.interactiveOnly; run++) {
      log(`page loads, run ${run} of ${o.runs}`);
      for (const condition of ['desktop', 'mobile']) {
        for (const [name, sides] of Object.entries(pages)) {
          for (const side of SIDES) {
            if (!sides[side]) continue;
            const [url, selector] = sides[side];
            try {
              results.loads[`${name}/${condition}`][side].push(await measureLoad(browser, url, { selector, throttled: condition === 'mobile' }));
            } catch (error) {
              log(`  ${side} ${name} ${condition}: ${error.message.split('\n')[0]}`);
            }
          }
        }
      }
    }
    if (wp) {
      for (const key of Object.keys(results.loads)) {
        const first = results.loads[key].theirs[0];
        if (first) results.loads[key].theirsBrotli = await brotliEquivalent(first.responses);
      }
    }
    for (const entry of Object.values(results.loads)) {
      for (const side of SIDES) for (const r of entry[side]) delete r.responses;
    }

    log('in-app navigation, article to article');
    results.navigation = await measureNavigation(browser, server.origin, articles.filter((a) => a.slug !== ARTICLE), { runs: o.runs });

    results.threads = {};
    for (const [slug, total] of [[THREAD_150, 150], [THREAD_1000, THREAD_1000_COUNT]]) {
      results.threads[total] = [];
      for (let run = 1; run <= o.runs; run++) {
        log(`${total}-comment thread, run ${run} of ${o.runs}`);
        try {
          results.threads[total].push(await measureThread(browser, server.origin, slug, total));
        } catch (error) {
          log(`  ${error.message.split('\n')[0]}`);
        }
      }
    }

    if (!o.interactiveOnly) {
      log('JS heap over 200 in-app navigations');
      try {
        results.heap = await measureHeap(browser, server.origin, { articles, categories, total: 200, early: 10 });
      } catch (error) {
        results.heap = { error: error.message.split('\n')[0] };
      }
    }
    await browser.close();
    browser = null;

    results.lighthouse = {};
    if (o.lighthouse) {
      for (const [name, sides] of Object.entries(pages)) {
        for (const side of ['ours', 'theirs']) {
          if (!sides[side]) continue;
          log(`Lighthouse: ${side === 'ours' ? 'Broadsheet' : 'WordPress'} ${name}`);
          let report = await runLighthouse(sides[side][0]);
          if (report.error) {
            log(`  ${report.error}; once more`);
            report = await runLighthouse(sides[side][0]);
          }
          results.lighthouse[`${name}/${side}`] = report;
        }
      }
    }
    results.encodings = [...server.encodingsSeen];
  } finally {
    if (browser) await browser.close();
    await server.close();
    await shellServer.close();
    site.cleanup();
    shellSite.cleanup();
  }
  info.loadAfter = loadavg().map((x) => x.toFixed(2)).join(' ');
  info.seconds = Math.round((Date.now() - started) / 1000);

  const { table, markdown } = buildReport(results, { mobile: MOBILE, article: ARTICLE, thread150: THREAD_150, thread1000: THREAD_1000, median });
  process.stdout.write(`${table}\n`);
  writeFileSync(o.out, markdown);
  if (o.json) writeFileSync(o.json, JSON.stringify(results, null, 2));
  log(`wrote ${o.out} (${info.seconds} s in all)`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exit(1);
});
