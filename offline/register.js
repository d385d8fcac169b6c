// Registers the offline copy's worker (sw.js beside this file, under the site's path), versioned
// by the wasm file the page runs (the build has one per backend), and shows "You are offline" when
// a saved copy is on screen.
(function () {
  if (!('serviceWorker' in navigator)) return;
  var here = document.currentScript && document.currentScript.src;
  if (!here) return;
  var scope = new URL('.', here).href;

  var notice = null;
  function showNotice() {
    if (notice || !document.body) return;
    notice = document.createElement('p');
    notice.className = 'offline-notice';
    notice.setAttribute('role', 'status');
    notice.textContent = 'You are offline \u2014 showing a saved copy.';
    document.body.appendChild(notice);
  }
  function hideNotice() {
    if (notice) notice.remove();
    notice = null;
  }
  navigator.serviceWorker.addEventListener('message', function (event) {
    if (event.data && event.data.type === 'broadsheet:offline-copy') showNotice();
  });
  addEventListener('online', hideNotice);

  addEventListener('load', function () {
    // sw.js marks a page it answered from the saved copy.
    if (document.querySelector('meta[name="broadsheet-offline-copy"]')) showNotice();
  });

  // Once the app runs (index.html's loader, or Trunk's under trunk serve, says so) and the page has
  // loaded: the loader's preload of the wasm names the binary that runs, which the worker keeps.
  function register() {
    var wasm = document.querySelector('link[href$=".wasm"]');
    var build = wasm ? wasm.getAttribute('href').split('/').pop() : 'unknown';
    navigator.serviceWorker.register(new URL('sw.js?build=' + encodeURIComponent(build), scope).href, { scope: scope })
      .catch(function (error) { console.warn('Offline copy unavailable:', error); });
  }
  addEventListener('TrunkApplicationStarted', function () {
    if (document.readyState === 'complete') register();
    else addEventListener('load', register);
  });

  // What the page loaded before the worker took charge (the first story of a first visit) did not
  // go through it: the worker is told, so that it keeps that too.
  function remember(entries) {
    var worker = navigator.serviceWorker.controller;
    var missed = entries.filter(function (entry) { return !entry.workerStart; })
      .map(function (entry) { return { url: entry.name, kind: entry.initiatorType }; });
    if (worker && missed.length) worker.postMessage({ type: 'broadsheet:remember', resources: missed });
  }
  navigator.serviceWorker.addEventListener('controllerchange', function () {
    remember(performance.getEntriesByType('resource'));
  });
  if (window.PerformanceObserver) {
    new PerformanceObserver(function (list) { remember(list.getEntries()); }).observe({ type: 'resource' });
  }
})();

