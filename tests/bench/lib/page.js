// One measured tab: the in-page observers (paint, LCP, layout shifts, long tasks, element timing
// of the headline), the DevTools-protocol session with Lighthouse's mobile throttling, and the
// bytes that crossed the network.

/** Lighthouse's mobile throttling (its "slow 4G" RTT and throughput, 4x CPU), and its phone. */
export const MOBILE = {
  network: { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 },
  cpu: 4,
  screen: { width: 412, height: 823, deviceScaleFactor: 1.75, mobile: true },
};

/**
 * Runs in the page before any of its own scripts. Records into window.__bench: first contentful
 * paint, every LCP candidate, layout shifts, long tasks, and when the headline (`selector`, the
 * first match with text) was inserted and painted: its Element Timing renderTime (the attribute
 * is added by a MutationObserver, which runs before the frame that paints it), and as a fallback
 * the frame after its insertion. Also `arm()` for in-app navigations and clicks (see below).
 */
function instrument(selector) {
  const b = (window.__bench = { fcp: null, lcp: null, lcpTag: null, shifts: [], longtasks: [], headline: null, headlineRender: null });
  const observe = (type, each) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, buffered: true });
    } catch { /* entry type not supported */ }
  };
  observe('paint', (e) => { if (e.name === 'first-contentful-paint') b.fcp = e.startTime; });
  observe('largest-contentful-paint', (e) => {
    b.lcp = e.startTime;
    b.lcpTag = e.element ? `${e.element.tagName.toLowerCase()}${e.element.className ? `.${String(e.element.className).split(' ')[0]}` : ''}` : e.url;
  });
  observe('layout-shift', (e) => { if (!e.hadRecentInput) b.shifts.push([e.startTime, e.value]); });
  observe('longtask', (e) => b.longtasks.push([e.startTime, e.duration]));
  observe('element', (e) => { if (e.identifier === 'bench-headline' && b.headlineRender == null) b.headlineRender = e.renderTime || e.loadTime; });
  addEventListener('TrunkApplicationStarted', (e) => { b.appStarted = performance.now(); window.__benchWasm = e.detail && e.detail.wasm; });

  // Resolves with { dom, raf, painted } once `ready()` holds: when it first held, the start of the
  // next frame (the one that paints it), and the end of that frame's main-thread work.
  const whenPainted = (ready, onDom) => new Promise((resolve) => {
    const finish = () => {
      const dom = performance.now();
      onDom?.();
      requestAnimationFrame((raf) => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => resolve({ dom, raf, painted: performance.now() });
        channel.port2.postMessage(null);
      });
    };
    if (ready()) return finish();
    const mo = new MutationObserver(() => { if (ready()) { mo.disconnect(); finish(); } });
    mo.observe(document, { childList: true, subtree: true, characterData: true });
  });

  if (selector) {
    // Marked as soon as it exists, before its text arrives, so that the frame painting the text
    // reports it (text is timed on its block, or on an inline child such as a link).
    const mark = () => {
      const element = document.querySelector(selector);
      if (element && !element.hasAttribute('elementtiming')) {
        for (const e of [element, ...element.children]) e.setAttribute('elementtiming', 'bench-headline');
      }
      return element;
    };
    whenPainted(() => (mark()?.textContent.trim() ?? '') !== '', mark).then((t) => { b.headline = t; });
  }

  /** Resolves like whenPainted once at least `min` elements match `count`. */
  b.when = ({ count, min }) => whenPainted(() => document.querySelectorAll(count).length >= min);

  /**
   * Arms a measurement of the next click: `ready` is { selector, text } (that element shows that
   * text) or { count, min } (at least `min` elements match). b.result resolves with the click's
   * time, when the page was ready and painted, and `frames`: the frame that painted it, counted
   * from the click (1 = the very next frame).
   */
  b.arm = ({ selector: sel, text, count, min }) => {
    const r = { click: null };
    let frames = 0;
    let domFrames = null;
    addEventListener('click', (e) => {
      r.click = e.timeStamp;
      const tick = () => { if (domFrames == null) { frames++; requestAnimationFrame(tick); } };
      requestAnimationFrame(tick);
    }, { capture: true, once: true });
    const ready = () => {
      if (count) return document.querySelectorAll(count).length >= min;
      const el = document.querySelector(sel);
      return !!el && (text == null ? el.textContent.trim() !== '' : el.textContent.trim() === text);
    };
    b.result = whenPainted(() => r.click != null && ready(), () => { domFrames = frames; })
      .then((t) => ({ ...r, ...t, frames: domFrames + 1 }));
  };
}

/**
 * A new tab in `browser` with the observers installed, the HTTP cache off (every load is a
 * first visit), and, when `throttled`, Lighthouse's mobile network, CPU and screen. `net`
 * counts requests, bytes on the wire (headers included) and what is still in flight.
 */
export async function openMeasuredPage(browser, { selector = null, throttled = false } = {}) {
  const page = await browser.context.newPage();
  const cdp = await page.context().newCDPSession(page);
  const net = { requests: 0, bytes: 0, inFlight: new Map(), lastActivity: Date.now(), responses: new Map() };
  cdp.on('Network.requestWillBeSent', (e) => { net.requests++; net.inFlight.set(e.requestId, e.request.url); net.lastActivity = Date.now(); });
  cdp.on('Network.responseReceived', (e) => net.responses.set(e.requestId, { url: e.response.url, mime: e.response.mimeType, encoding: e.response.headers['content-encoding'] ?? e.response.headers['Content-Encoding'] ?? null }));
  const done = (e) => {
    if (e.encodedDataLength) net.bytes += e.encodedDataLength;
    const r = net.responses.get(e.requestId);
    if (r) r.bytes = e.encodedDataLength ?? 0;
    net.inFlight.delete(e.requestId);
    net.lastActivity = Date.now();
  };
  cdp.on('Network.loadingFinished', done);
  cdp.on('Network.loadingFailed', done);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Performance.enable');
  if (throttled) {
    await cdp.send('Network.emulateNetworkConditions', MOBILE.network);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpu });
    await cdp.send('Emulation.setDeviceMetricsOverride', MOBILE.screen);
  }
  await page.addInitScript(instrument, selector);
  return { page, cdp, net };
}

/** Waits until nothing has been in flight for `quietMs` (or `maxMs` passed). */
export async function networkQuiet(net, { quietMs = 500, maxMs = 20_000 } = {}) {
  const start = Date.now();
  while (Date.now() - start < maxMs) {
    if (net.inFlight.size === 0 && Date.now() - net.lastActivity >= quietMs) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return false;
}

/** CLS as Lighthouse and web-vitals count it: the worst session window (gaps < 1 s, at most 5 s). */
export function cls(shifts) {
  let worst = 0;
  let current = 0;
  let first = null;
  let last = null;
  for (const [t, v] of shifts) {
    if (first != null && t - last < 1000 && t - first < 5000) current += v;
    else { current = v; first = t; }
    last = t;
    worst = Math.max(worst, current);
  }
  return worst;
}

/** Total Blocking Time: what long tasks that start after first contentful paint spend past 50 ms. */
export function tbt(longtasks, fcp) {
  return longtasks.filter(([start]) => fcp != null && start >= fcp).reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
}

/**
 * One cold page load of `url`: times to first contentful paint, headline painted, LCP, TBT,
 * CLS, and bytes. The headline time is its Element Timing render time when the browser gave one,
 * else the end of the frame that first showed it.
 */
export async function measureLoad(browser, url, { selector, throttled = false, settleMs }) {
  const { page, cdp, net } = await openMeasuredPage(browser, { selector, throttled });
  const timeout = throttled ? 60_000 : 20_000;
  try {
    await page.goto(url, { waitUntil: 'load', timeout });
    await page.waitForFunction(() => window.__bench && window.__bench.headline, null, { timeout, polling: 50 });
    await networkQuiet(net, { quietMs: settleMs ?? (throttled ? 1000 : 500), maxMs: timeout });
    const b = await page.evaluate(() => {
      const { fcp, lcp, lcpTag, shifts, longtasks, headline, headlineRender } = window.__bench;
      return { fcp, lcp, lcpTag, shifts, longtasks, headline, headlineRender };
    });
    const responses = [...net.responses.values()];
    return {
      fcp: b.fcp,
      // A frame-based time cannot precede the first paint (rendering may have been blocked).
      headline: b.headlineRender ?? Math.max(b.headline.painted, b.fcp ?? 0),
      headlineSource: b.headlineRender != null ? 'element-timing' : 'frame',
      lcp: b.lcp,
      lcpTag: b.lcpTag,
      tbt: tbt(b.longtasks, b.fcp),
      cls: cls(b.shifts),
      bytes: net.bytes,
      requests: net.requests,
      responses,
    };
  } finally {
    await cdp.detach().catch(() => {});
    await page.close();
  }
}
