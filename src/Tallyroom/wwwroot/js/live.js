// Live updates for Tallyroom's pages. The page works without this file; with it, the page listens for changes to the
// results (Server-Sent Events from /api/stream, or polling /api/changes where EventSource is missing or keeps
// failing), and when a change concerns the page it fetches the page again and swaps in the new main content, keeping
// the reader's focus and scroll position, and announces the update in the polite live region.
//
// The page says what concerns it on <main>: data-live="all" (any change), "council" or "ballot" with data-live-key
// (the council's slug or the ballot id), and data-revision, the revision it shows. Pages "as at" a past revision carry
// no data-live and never update.
(function () {
  "use strict";

  var POLL_MS = 5000;
  var DEBOUNCE_MS = 250;
  var JITTER_MS = 500;
  var RETRY_MS = 1500;
  var MAX_STREAM_FAILURES = 3;

  var main = document.getElementById("main");
  if (!main || !main.dataset.live || !window.fetch || !window.DOMParser) {
    return;
  }

  var scope = main.dataset.live;
  var key = main.dataset.liveKey || null;
  var shown = Number(main.dataset.revision) || 0; // the revision the page shows
  var seen = shown; // the last revision we heard about
  var wanted = 0; // the revision a refresh must reach, 0 when none is due
  var timer = null;
  var busy = false;
  var stream = null;
  var pollTimer = null;
  var streamFailures = 0;

  function concerns(change) {
    if (change.blogId) return false; // blog posts concern the blog's pages only, which have their own script
    if (scope === "council") return change.council === key;
    if (scope === "ballot") return change.ballotId === key;
    return true;
  }

  function receive(change) {
    if (!change || typeof change.revision !== "number" || change.revision <= seen) return;
    seen = change.revision;
    if (concerns(change)) {
      wanted = Math.max(wanted, change.revision);
      // A little jitter, so that thousands of open pages do not all ask for the new page in the same instant.
      schedule(DEBOUNCE_MS + Math.floor(Math.random() * JITTER_MS));
    }
  }

  function schedule(delay) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(refresh, delay);
  }

  // A key for the focused element that survives a swap: its id, or its link target, or its position among
  // the focusable elements of main.
  function focusKey(element) {
    if (!element || element === main || !main.contains(element)) return null;
    if (element.id) return { id: element.id };
    var focusable = main.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]");
    var index = Array.prototype.indexOf.call(focusable, element);
    return { href: element.getAttribute("href"), text: element.textContent, index: index };
  }

  function restoreFocus(saved) {
    if (!saved) return;
    var target = null;
    if (saved.id) {
      target = document.getElementById(saved.id);
    } else {
      var focusable = main.querySelectorAll("a[href], button, input, select, textarea, summary, [tabindex]");
      for (var i = 0; i < focusable.length && !target; i++) {
        if (saved.href && focusable[i].getAttribute("href") === saved.href && focusable[i].textContent === saved.text) target = focusable[i];
      }
      if (!target && saved.index >= 0 && saved.index < focusable.length) target = focusable[saved.index];
    }
    (target || main).focus({ preventScroll: true });
  }

  // Which <details> are open, by their summary's text, so that a reader's expanded explanation stays open.
  function openDetails() {
    var open = {};
    main.querySelectorAll("details[open] > summary").forEach(function (summary) { open[summary.textContent] = true; });
    return open;
  }

  function swap(fresh) {
    var x = window.scrollX;
    var y = window.scrollY;
    var saved = focusKey(document.activeElement);
    var open = openDetails();

    main.replaceChildren.apply(main, Array.prototype.slice.call(document.adoptNode(fresh).childNodes));
    main.dataset.revision = fresh.dataset.revision || "";
    if (fresh.dataset.update) main.dataset.update = fresh.dataset.update; else delete main.dataset.update;

    main.querySelectorAll("details > summary").forEach(function (summary) {
      if (open[summary.textContent]) summary.parentElement.open = true;
    });
    showLive();
    restoreFocus(saved);
    window.scrollTo(x, y);
    main.classList.remove("just-updated");
    void main.offsetWidth; // restart the highlight animation
    main.classList.add("just-updated");
  }

  function announce(text) {
    var region = document.getElementById("live-status");
    if (!region || !text) return;
    // Clear first, so that the same words twice are announced twice.
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 50);
  }

  function refresh() {
    timer = null;
    if (busy) { schedule(DEBOUNCE_MS); return; }
    if (!wanted) return;
    busy = true;
    var target = wanted;
    // no-cache: revalidate with the ETag (the revision), so the browser's copy is used only if still current.
    fetch(window.location.href, { cache: "no-cache", headers: { Accept: "text/html" }, credentials: "same-origin" })
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
          document.title = doc.title;
          swap(fresh);
          announce(fresh.dataset.update || "Page updated");
        }
        // A cache or another node may answer with an older revision than the change we heard of: ask again shortly.
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
      if (stream.readyState === EventSource.CLOSED || streamFailures >= MAX_STREAM_FAILURES) {
        stream.close();
        stream = null;
        poll();
      }
    });
  }

  function poll() {
    if (pollTimer) return;
    var since = seen;
    function next() {
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

  function showLive() {
    var indicator = document.getElementById("live-indicator");
    if (indicator) indicator.hidden = false;
    main.querySelectorAll("[data-live-only]").forEach(function (element) { element.hidden = false; });
    main.querySelectorAll("[data-no-live]").forEach(function (element) { element.hidden = true; });
  }

  showLive();
  listen();
})();
