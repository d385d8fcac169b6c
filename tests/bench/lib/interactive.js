// What happens after the first page: in-app navigation, long comment threads, memory over many
// navigations. All unthrottled, in one tab each, clicking real (trusted) links.
import { networkQuiet, openMeasuredPage } from './page.js';

const LINK_ID = 'bench-link';

/**
 * Clicks an in-app link to `href` and resolves when `ready` ({ selector, text } or
 * { count, min }) is painted: { ms (click to the end of the painting frame), frames, ... }.
 * The link is added to the page (fixed, on top), so any route can be reached the way a reader's
 * click reaches it: the router intercepts every same-origin link in the document.
 */
export async function clickAndTime(page, href, ready, { timeout = 15_000 } = {}) {
  await addControl(page, { tag: 'a', id: LINK_ID, top: '0' });
  await page.evaluate(({ id, href, ready }) => {
    document.getElementById(id).href = href;
    window.__bench.arm(ready);
  }, { id: LINK_ID, href, ready });
  await page.click(`#${LINK_ID}`, { timeout });
  const r = await page.evaluate((t) => Promise.race([window.__bench.result, new Promise((_, no) => setTimeout(() => no(new Error('not painted in time')), t))]), timeout);
  return { ...r, ms: r.painted - r.click };
}

/** The measure's own `<a>` or `<button>` on the page, fixed on top of it, added once. */
async function addControl(page, { tag, id, top }) {
  await page.evaluate(({ tag, id, top }) => {
    if (document.getElementById(id)) return;
    const control = document.createElement(tag);
    control.id = id;
    control.textContent = 'bench';
    control.style.cssText = `position:fixed;left:0;top:${top};z-index:2147483647;background:#ff0;font:12px sans-serif;padding:2px`;
    document.body.appendChild(control);
  }, { tag, id, top });
}

/** Clicks an element already on the page (say, "Show more comments") and times like clickAndTime. */
async function clickElementAndTime(page, locator, ready, { timeout = 15_000 } = {}) {
  await page.evaluate((ready) => window.__bench.arm(ready), ready);
  await locator.click({ timeout });
  const r = await page.evaluate((t) => Promise.race([window.__bench.result, new Promise((_, no) => setTimeout(() => no(new Error('not painted in time')), t))]), timeout);
  return { ...r, ms: r.painted - r.click };
}

/**
 * Waits for the page's headline and for the app to run it: a published page shows its first view
 * (the headline from the HTML) before the app has taken over, and what these measures click and
 * scroll to is the app's.
 */
async function appRunning(page) {
  await page.waitForFunction(() => window.__bench.headline && !document.getElementById('prerendered'), null, { timeout: 20_000 });
}

/**
 * Article to article: to one this tab has not fetched yet, then back to one it has (its JSON is
 * in the app's session cache), `runs` times each. `prefetched` says whether the app had already
 * asked for the new article's file before the click (hover or visible-link prefetching). Then
 * the measure's own floor, `runs` times: a click whose handler only sets the headline's text,
 * timed the same way (the wait for the next frame and that frame's work, without the app's).
 */
export async function measureNavigation(browser, origin, articles, { runs }) {
  const { page, cdp, net } = await openMeasuredPage(browser, { selector: '.article h1' });
  const requested = () => [...net.responses.values()].map((r) => r.url);
  const fresh = [];
  const cached = [];
  const floor = [];
  try {
    const [first, ...rest] = articles;
    await page.goto(`${origin}/article/${first.slug}`);
    await appRunning(page);
    await networkQuiet(net, { quietMs: 300 });
    let previous = first;
    for (let i = 0; i < runs; i++) {
      const next = rest[i];
      const before = requested().some((u) => u.includes(`/articles/${next.slug}.json`));
      const a = await clickAndTime(page, `/article/${next.slug}`, { selector: '.article h1', text: next.title });
      fresh.push({ ms: a.ms, frames: a.frames, prefetched: before });
      await networkQuiet(net, { quietMs: 300 });
      const b = await clickAndTime(page, `/article/${previous.slug}`, { selector: '.article h1', text: previous.title });
      cached.push({ ms: b.ms, frames: b.frames });
      await networkQuiet(net, { quietMs: 300 });
      previous = next;
    }
    for (let i = 0; i < runs; i++) floor.push(await clickToSetHeadline(page, `Bench floor ${i}`));
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
  return { fresh, cached, floor };
}

/** A button that only sets the story's headline to `text`, clicked and timed like clickAndTime. */
async function clickToSetHeadline(page, text) {
  const id = 'bench-floor';
  await addControl(page, { tag: 'button', id, top: '2em' });
  await page.evaluate(({ id, text }) => {
    document.getElementById(id).onclick = () => { document.querySelector('.article h1').textContent = text; };
  }, { id, text });
  const r = await clickElementAndTime(page, page.locator(`#${id}`), { selector: '.article h1', text });
  return { ms: r.ms, frames: r.frames };
}

/**
 * A long thread on its story page: time from the page's start and from the comments file's
 * arrival to the first batch painted, then every "Show more comments" click until all are shown.
 */
export async function measureThread(browser, origin, slug, total) {
  const { page, cdp, net } = await openMeasuredPage(browser, { selector: '.article h1' });
  const item = 'li.comment';
  try {
    await page.goto(`${origin}/article/${slug}`);
    await appRunning(page);
    // What follows a story waits until it is near the view: bring it there, as a reader scrolling would.
    await page.evaluate(() => document.querySelector('.when-near')?.scrollIntoView());
    const firstBatch = Math.min(100, total);
    const shown = await page.evaluate(async ({ item, firstBatch }) => {
      const t = await window.__bench.when({ count: item, min: firstBatch });
      const file = performance.getEntriesByType('resource').find((e) => /\/comments\//.test(e.name));
      return { ...t, responseEnd: file ? file.responseEnd : null, count: document.querySelectorAll(item).length };
    }, { item, firstBatch });
    const clicks = [];
    let count = shown.count;
    const more = page.getByRole('button', { name: /Show more comments/ });
    while (count < total && (await more.count()) > 0) {
      const target = Math.min(total, count + 100);
      const r = await clickElementAndTime(page, more, { count: item, min: target });
      clicks.push(r.ms);
      count = await page.locator(item).count();
    }
    await networkQuiet(net, { quietMs: 200 });
    return {
      total,
      shownAtFirst: shown.count,
      fromStart: shown.painted,
      fromResponse: shown.responseEnd != null ? shown.painted - shown.responseEnd : null,
      clicks,
      allByClicks: clicks.reduce((a, b) => a + b, 0),
      finalCount: count,
    };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.enable');
  for (let i = 0; i < 3; i++) {
    await cdp.send('HeapProfiler.collectGarbage');
    await page.waitForTimeout(100);
  }
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? null;
  const wasm = await page.evaluate(() => window.__benchWasm?.memory?.buffer?.byteLength ?? null);
  return { jsHeapUsed: get('JSHeapUsedSize'), nodes: get('Nodes'), listeners: get('JSEventListeners'), documents: get('Documents'), wasmMemory: wasm };
}

/**
 * JS heap (after forced garbage collection) after 10 in-app navigations and after 200, cycling
 * through every story, the homepage and the category pages. Also DOM nodes, event listeners and
 * the wasm linear memory (which never shrinks: its growth is a high-water mark).
 */
export async function measureHeap(browser, origin, { articles, categories, total = 200, early = 10 }) {
  const { page, cdp, net } = await openMeasuredPage(browser, { selector: '.lead-title' });
  const targets = [];
  for (let i = 0; targets.length < total; i++) {
    const a = articles[i % articles.length];
    targets.push([`/article/${a.slug}`, { selector: '.article h1', text: a.title }]);
    if (i % 3 === 2) targets.push(['/', { selector: '.lead-title' }]);
    if (i % 4 === 3) {
      const c = categories[(i >> 2) % categories.length];
      targets.push([`/category/${c.slug}`, { selector: '.archive-header h1', text: c.name }]);
    }
  }
  targets.length = total;
  const times = [];
  try {
    await page.goto(`${origin}/`);
    await appRunning(page);
    await networkQuiet(net, { quietMs: 300 });
    const start = await memory(page, cdp);
    let atEarly = null;
    for (let i = 0; i < targets.length; i++) {
      const [href, ready] = targets[i];
      times.push((await clickAndTime(page, href, ready)).ms);
      await networkQuiet(net, { quietMs: 100 });
      if (i + 1 === early) atEarly = await memory(page, cdp);
    }
    const atEnd = await memory(page, cdp);
    return { start, early: atEarly, end: atEnd, navigations: targets.length, earlyCount: early, medianNavMs: median(times) };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}

export function median(values) {
  const v = values.filter((x) => x != null && !Number.isNaN(x)).sort((a, b) => a - b);
  if (!v.length) return null;
  const mid = v.length >> 1;
  return v.length % 2 ? v[mid] : (v[mid - 1] + v[mid]) / 2;
}
