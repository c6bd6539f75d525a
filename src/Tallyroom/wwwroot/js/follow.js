// Following the night, for the pages that update in place (live.js for the results pages, blog.js for a live blog).
// A page works without it. With it, the page listens for changes (Server-Sent Events from /api/stream, or polling the
// cacheable /api/changes where EventSource is missing or keeps failing); when a change concerns the page, it fetches
// the page again a moment later and hands the fresh copy to the page's own script, which decides how to show it.
//
// <main> carries data-revision, the revision the page shows; the page's script supplies what concerns it and how to
// apply a newer copy.
(function () {
  "use strict";

  var POLL_MS = 5000;
  var RETRY_MS = 1500;
  var MAX_STREAM_FAILURES = 3;

  // Shows what only works live (and hides what only makes sense without it).
  function showLive(main) {
    var indicator = document.getElementById("live-indicator");
    if (indicator) indicator.hidden = false;
    main.querySelectorAll("[data-live-only]").forEach(function (element) { element.hidden = false; });
    main.querySelectorAll("[data-no-live]").forEach(function (element) { element.hidden = true; });
  }

  // Says something in the polite live region, outside main so that it survives a swap. Clearing it first makes the
  // same words twice be announced twice.
  function announce(text) {
    var region = document.getElementById("live-status");
    if (!region || !text) return;
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 50);
  }

  // options: main (the element), concerns(change) → bool, apply(doc, freshMain) for a newer copy of the page,
  // url() → the address to fetch again, debounceMs and jitterMs. Returns { stop } to stop following.
  function follow(options) {
    var main = options.main;
    var shown = Number(main.dataset.revision) || 0; // the revision the page shows
    var seen = shown; // the last revision heard of
    var wanted = 0; // the revision a refresh must reach, 0 when none is due
    var timer = null;
    var busy = false;
    var stream = null;
    var pollTimer = null;
    var streamFailures = 0;
    var stopped = false;

    function receive(change) {
      if (stopped || !change || typeof change.revision !== "number" || change.revision <= seen) return;
      seen = change.revision;
      if (options.concerns(change)) {
        wanted = Math.max(wanted, change.revision);
        // A little jitter, so that thousands of open pages do not all ask for the new page in the same instant.
        schedule(options.debounceMs + Math.floor(Math.random() * options.jitterMs));
      }
    }

    function schedule(delay) {
      if (timer) clearTimeout(timer);
      timer = setTimeout(refresh, delay);
    }

    function refresh() {
      timer = null;
      if (stopped) return;
      if (busy) { schedule(options.debounceMs); return; }
      if (!wanted) return;
      busy = true;
      var target = wanted;
      // no-cache: revalidate with the ETag (the revision), so the browser's copy is used only if still current.
      fetch(options.url(), { cache: "no-cache", headers: { Accept: "text/html" }, credentials: "same-origin" })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.text();
        })
        .then(function (html) {
          var doc = new DOMParser().parseFromString(html, "text/html");
          var fresh = doc.getElementById("main");
          if (!fresh) throw new Error("no main content");
          var revision = Number(fresh.dataset.revision) || 0;
          if (revision > shown) {
            shown = revision;
            options.apply(doc, fresh);
          }
          // A cache or another node may answer with an older revision than the change heard of: ask again shortly.
          if (revision >= target) {
            if (wanted === target) wanted = 0;
          } else {
            schedule(RETRY_MS);
          }
        })
        .catch(function () { schedule(RETRY_MS * 2); })
        .then(function () { busy = false; });
    }

    function listen() {
      if (!window.EventSource) { poll(); return; }
      // Resume from the revision the page shows, so that nothing between rendering and connecting is missed;
      // on reconnecting, the browser sends Last-Event-ID itself.
      stream = new EventSource("/api/stream?lastEventId=" + encodeURIComponent(String(shown)));
      stream.addEventListener("change", function (event) {
        streamFailures = 0;
        try { receive(JSON.parse(event.data)); } catch (e) { /* a malformed event is skipped; the next refresh catches up */ }
      });
      stream.addEventListener("open", function () { streamFailures = 0; });
      stream.addEventListener("error", function () {
        streamFailures++;
        // The browser retries a dropped stream by itself; one that keeps failing (a proxy that buffers or blocks
        // event streams) is given up for polling, which every cache passes.
        if (stream && (stream.readyState === EventSource.CLOSED || streamFailures >= MAX_STREAM_FAILURES)) {
          stream.close();
          stream = null;
          poll();
        }
      });
    }

    function poll() {
      if (pollTimer || stopped) return;
      var since = seen;
      function next() {
        if (stopped) return;
        fetch("/api/changes?since=" + encodeURIComponent(String(since)), { cache: "no-cache", headers: { Accept: "application/json" } })
          .then(function (response) {
            if (!response.ok) throw new Error("HTTP " + response.status);
            return response.json();
          })
          .then(function (page) {
            (page.changes || []).forEach(receive);
            since = Math.max(since, page.until || since);
            // A full page means more are waiting: fetch them straight away.
            pollTimer = setTimeout(next, page.until < page.head ? 0 : POLL_MS);
          })
          .catch(function () { pollTimer = setTimeout(next, POLL_MS * 2); });
      }
      next();
    }

    function stop() {
      stopped = true;
      var indicator = document.getElementById("live-indicator");
      if (indicator) indicator.hidden = true;
      if (stream) { stream.close(); stream = null; }
      if (pollTimer) clearTimeout(pollTimer);
      if (timer) clearTimeout(timer);
    }

    showLive(main);
    listen();
    return { stop: stop };
  }

  window.Tallyroom = { follow: follow, showLive: showLive, announce: announce };
})();
