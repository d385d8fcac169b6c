// Bytes of the app's own files in dist/, measured as scripts/size-report.sh measures them:
// raw, `gzip -9` and `brotli -q 11` (the demo content is not the app and is left out).
// dist/ holds one binary per backend (broadsheet-KIND-HASH.js and _bg.wasm); a page loads one.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const KINDS = { '.wasm': 'wasm', '.js': 'JS', '.css': 'CSS', '.html': 'HTML' };
/** The backend whose binary the demo site (and so the benchmark) loads. */
const DEMO_BACKEND = 'static';
const backendOf = (name) => name.match(/^broadsheet-([a-z]+)-[0-9a-f]+(?:_bg)?\.(?:js|wasm)$/)?.[1];

function compressed(tool, args, data) {
  return execFileSync(tool, args, { input: data, maxBuffer: 64 << 20 }).length;
}

function sum(files) {
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const f of files) { total.raw += f.raw; total.gzip += f.gzip; total.brotli += f.brotli; }
  return total;
}

/**
 * { files: [{ name, kind, backend, raw, gzip, brotli }], kinds: { wasm: {raw, gzip, brotli}, ... },
 *   largest: { backend, raw, gzip, brotli } }: `kinds` is what the demo page loads (the static
 * binary and the files every page shares); `largest` the wasm + JS of the largest backend's page.
 */
export function measureSizes(dist) {
  const files = [];
  for (const name of readdirSync(dist).sort()) {
    const path = join(dist, name);
    const kind = KINDS[extname(name)];
    if (!kind || !statSync(path).isFile()) continue;
    const data = readFileSync(path);
    files.push({
      name, kind, backend: backendOf(name), raw: data.length,
      gzip: compressed('gzip', ['-9', '-c'], data),
      brotli: compressed('brotli', ['-q', '11', '-c'], data),
    });
  }
  // cloudfront-function.js is host configuration, never sent to a reader.
  const loadedWith = (backend) => files.filter((f) => !f.name.startsWith('cloudfront-') && (!f.backend || f.backend === backend));
  const kinds = {};
  for (const kind of new Set(Object.values(KINDS))) {
    const of = loadedWith(DEMO_BACKEND).filter((f) => f.kind === kind);
    if (of.length) kinds[kind] = sum(of);
  }
  const app = (backend) => ({ backend, ...sum(loadedWith(backend).filter((f) => f.kind === 'wasm' || f.kind === 'JS')) });
  const largest = [...new Set(files.map((f) => f.backend).filter(Boolean))].map(app).sort((a, b) => b.brotli - a.brotli)[0];
  return { files, kinds, largest };
}
