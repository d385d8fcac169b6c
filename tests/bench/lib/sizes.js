// Bytes of the app's own files in dist/, measured as scripts/size-report.sh measures them:
// raw, `gzip -9` and `brotli -q 11` (the demo content is not the app and is left out).
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { extname, join } from 'node:path';

const KINDS = { '.wasm': 'wasm', '.js': 'JS', '.css': 'CSS', '.html': 'HTML' };

function compressed(tool, args, data) {
  return execFileSync(tool, args, { input: data, maxBuffer: 64 << 20 }).length;
}

/** { files: [{ name, kind, raw, gzip, brotli }], kinds: { wasm: {raw, gzip, brotli}, ... } } */
export function measureSizes(dist) {
  const files = [];
  for (const name of readdirSync(dist).sort()) {
    const path = join(dist, name);
    const kind = KINDS[extname(name)];
    if (!kind || !statSync(path).isFile()) continue;
    const data = readFileSync(path);
    files.push({
      name, kind, raw: data.length,
      gzip: compressed('gzip', ['-9', '-c'], data),
      brotli: compressed('brotli', ['-q', '11', '-c'], data),
    });
  }
  const kinds = {};
  for (const f of files) {
    const k = (kinds[f.kind] ??= { raw: 0, gzip: 0, brotli: 0 });
    k.raw += f.raw; k.gzip += f.gzip; k.brotli += f.brotli;
  }
  return { files, kinds };
}
