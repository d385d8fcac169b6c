// Lighthouse (npm, installed beside this file) against Debian's Chromium: its default mobile
// run (simulated slow 4G, 4x CPU, a phone's screen). Never downloads a browser: CHROME_PATH
// points it at /usr/bin/chromium.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const CHROME_FLAGS = '--headless --no-sandbox --disable-gpu --disable-dev-shm-usage';
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

export function lighthouseVersion() {
  try {
    return require('lighthouse/package.json').version;
  } catch {
    return null;
  }
}

/**
 * Scores (0 to 100) and the main metrics of one Lighthouse run of `url`, or { error } with
 * Lighthouse's own words when it could not run.
 */
export async function runLighthouse(url, { chromePath = process.env.CHROMIUM ?? '/usr/bin/chromium', timeoutMs = 120_000 } = {}) {
  let cli;
  try {
    cli = require.resolve('lighthouse/cli/index.js');
  } catch {
    return { error: 'lighthouse is not installed in tests/bench/node_modules (npm ci --prefix tests/bench)' };
  }
  const dir = mkdtempSync(join(tmpdir(), 'broadsheet-lighthouse-'));
  const out = join(dir, 'report.json');
  const args = [
    cli, url, `--chrome-flags=${CHROME_FLAGS} --user-data-dir=${join(dir, 'profile')}`,
    `--only-categories=${CATEGORIES.join(',')}`, '--output=json', `--output-path=${out}`, '--quiet',
  ];
  try {
    await new Promise((resolve, reject) => {
      execFile(process.execPath, args, { env: { ...process.env, CHROME_PATH: chromePath }, timeout: timeoutMs, maxBuffer: 16 << 20 },
        (error, stdout, stderr) => {
          if (!error) return resolve();
          // Lighthouse's own sentence when it has one, else the first lines of what it printed.
          const runtime = String(stderr).match(/Runtime error encountered: ([^\n]+)/)?.[1];
          reject(new Error(runtime ?? (String(stderr).trim().split('\n').slice(-3).join(' ') || error.message)));
        });
    });
    const report = JSON.parse(readFileSync(out, 'utf8'));
    if (report.runtimeError) return { error: `${report.runtimeError.code}: ${report.runtimeError.message}` };
    const scores = Object.fromEntries(CATEGORIES.map((c) => [c, report.categories[c]?.score == null ? null : Math.round(report.categories[c].score * 100)]));
    const metric = (id) => report.audits[id]?.numericValue ?? null;
    const failing = Object.values(report.categories).flatMap((c) => c.auditRefs
      .filter((ref) => ref.weight > 0 && report.audits[ref.id]?.score != null && report.audits[ref.id].score < 0.9)
      .map((ref) => `${c.id}: ${ref.id}`));
    return {
      scores,
      fcp: metric('first-contentful-paint'),
      lcp: metric('largest-contentful-paint'),
      tbt: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      si: metric('speed-index'),
      failing,
      warnings: report.runWarnings ?? [],
    };
  } catch (error) {
    return { error: error.message.split('\n')[0].slice(0, 300) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
