// Live updates for a live blog's page. The page works without this file; with it, the page listens for changes
// (Server-Sent Events from /api/stream, or polling the cacheable /api/changes where EventSource is missing or keeps
// failing). When the blog changes, or the results shown in its result cards, it fetches the page again and:
//  - offers new posts behind an "N new updates" button instead of moving what the reader is reading;
//  - replaces edited posts and removes deleted ones in place;
//  - refreshes the summary, pinned post, key events and every result card;
// and tells screen readers what happened in the polite live region.
(function () {
  "use strict";

  var POLL_MS = 5000;
  var DEBOUNCE_MS = 150;
  var JITTER_MS = 300;
  var RETRY_MS = 1500;
  var MAX_STREAM_FAILURES = 3;

  var main = document.getElementById("main");
  if (!main || main.dataset.live !== "blog" || !window.fetch || !window.DOMParser) {
    return;
  }

  var blogId = main.dataset.liveKey;
  var shown = Number(main.dataset.revision) || 0;
  var seen = shown;
  var wanted = 0;
  var timer = null;
  var busy = false;
  var stream = null;
  var pollTimer = null;
  var streamFailures = 0;
  var stopped = false;
  var pending = []; // new posts (elements) waiting for the reader, newest first

  var posts = document.getElementById("posts");
  var box = document.getElementById("new-updates");
  var button = document.getElementById("new-updates-button");

  function cardsConcerned(change) {
    var cards = main.querySelectorAll("[data-card]");
    for (var i = 0; i < cards.length; i++) {
      var code = cards[i].getAttribute("data-card");
      if (code === "scoreboard" || code.indexOf("party-gains:") === 0) {
        if (change.council) return true;
      } else if (code === "council:" + change.council || code === "ballot:" + change.ballotId) {
        return true;
      }
    }
    return false;
  }

  function concerns(change) {
    if (change.blogId) return change.blogId === blogId;
    return cardsConcerned(change);
  }

  function receive(change) {
    if (!change || typeof change.revision !== "number" || change.revision <= seen) return;
    seen = change.revision;
    if (concerns(change)) {
      wanted = Math.max(wanted, change.revision);
      schedule(DEBOUNCE_MS + Math.floor(Math.random() * JITTER_MS));
    }
  }

  function schedule(delay) {
    if (timer) clearTimeout(timer);
    timer = setTimeout(refresh, delay);
  }

  function announce(text) {
    var region = document.getElementById("live-status");
    if (!region || !text) return;
    region.textContent = "";
    setTimeout(function () { region.textContent = text; }, 50);
  }

  function byPost(container) {
    var map = {};
    if (!container) return map;
    Array.prototype.forEach.call(container.children, function (article) {
      if (article.dataset && article.dataset.post) map[article.dataset.post] = article;
    });
    return map;
  }

  function plural(n, one, many) { return n === 1 ? "1 " + one : n + " " + many; }

  function showButton() {
    if (!box || !button) return;
    if (pending.length === 0) {
      box.hidden = true;
      return;
    }
    button.textContent = "Show " + plural(pending.length, "new update", "new updates");
    box.hidden = false;
  }

  function showPending() {
    if (pending.length === 0 || !posts) return;
    var first = pending[0];
    for (var i = pending.length - 1; i >= 0; i--) {
      posts.insertBefore(pending[i], posts.firstChild);
    }
    pending = [];
    var none = document.getElementById("no-posts");
    if (none) none.remove();
    showButton();
    // Take keyboard and screen reader users to the newest post, which they asked to see.
    first.setAttribute("tabindex", "-1");
    first.focus();
  }

  // Cards are matched by their post, their code and their order within the post.
  function cardKey(card, index) {
    var post = card.closest("[data-post]");
    return (post ? post.id : "top") + "|" + card.getAttribute("data-card") + "|" + index;
  }

  function refreshCards(freshMain) {
    var fresh = {};
    var counts = {};
    freshMain.querySelectorAll("[data-card]").forEach(function (card) {
      var base = cardKey(card, 0);
      counts[base] = (counts[base] || 0) + 1;
      fresh[cardKey(card, counts[base])] = card;
    });
    var seenCounts = {};
    main.querySelectorAll("[data-card]").forEach(function (card) {
      var base = cardKey(card, 0);
      seenCounts[base] = (seenCounts[base] || 0) + 1;
      var replacement = fresh[cardKey(card, seenCounts[base])];
      if (replacement && replacement.outerHTML !== card.outerHTML) card.replaceWith(document.importNode(replacement, true));
    });
  }

  function apply(doc) {
    var freshMain = doc.getElementById("main");
    var freshPosts = doc.getElementById("posts");
    if (!freshMain || !freshPosts || !posts) throw new Error("not a blog page");
    var messages = [];

    var freshById = byPost(freshPosts);
    var currentById = byPost(posts);
    var edited = 0;
    var removed = 0;

    // Edits and deletions of posts on the page, in place.
    Object.keys(currentById).forEach(function (id) {
      var current = currentById[id];
      var fresh = freshById[id];
      if (!fresh) {
        current.remove();
        removed++;
      } else if (fresh.dataset.version !== current.dataset.version) {
        current.replaceWith(document.importNode(fresh, true));
        edited++;
      }
    });

    // New posts wait behind the button; a waiting post edited or deleted meanwhile is updated or dropped.
    var waiting = {};
    pending.forEach(function (article) { waiting[article.dataset.post] = true; });
    var before = pending.length;
    pending = pending.filter(function (article) { return !!freshById[article.dataset.post]; })
      .map(function (article) { return document.importNode(freshById[article.dataset.post], true); });
    Array.prototype.forEach.call(freshPosts.children, function (article) {
      var id = article.dataset && article.dataset.post;
      if (id && !currentById[id] && !waiting[id]) pending.push(document.importNode(article, true));
    });
    // Keep the page's order (newest first) among the waiting posts.
    var order = Object.keys(freshById);
    pending.sort(function (a, b) { return order.indexOf(a.dataset.post) - order.indexOf(b.dataset.post); });
    var added = pending.length - before;

    var top = document.getElementById("blog-top");
    var freshTop = doc.getElementById("blog-top");
    if (top && freshTop && top.innerHTML !== freshTop.innerHTML) {
      top.replaceChildren.apply(top, Array.prototype.slice.call(document.importNode(freshTop, true).childNodes));
    }
    refreshCards(freshMain);
    var revision = main.querySelector(".revision");
    var freshRevision = freshMain.querySelector(".revision");
    if (revision && freshRevision) revision.replaceWith(document.importNode(freshRevision, true));
    main.dataset.revision = freshMain.dataset.revision || "";
    if (freshMain.dataset.live) showLive(); else stop();
    showButton();

    if (added > 0) messages.push(plural(pending.length, "new update", "new updates") + " above the latest");
    if (edited > 0) messages.push(plural(edited, "update was", "updates were") + " corrected");
    if (removed > 0) messages.push(plural(removed, "update was", "updates were") + " removed");
    if (!freshMain.dataset.live) messages.push("This blog has closed");
    announce(messages.join(". "));
  }

  function refresh() {
    timer = null;
    if (busy) { schedule(DEBOUNCE_MS); return; }
    if (!wanted) return;
    busy = true;
    var target = wanted;
    fetch(window.location.pathname, { cache: "no-cache", headers: { Accept: "text/html" }, credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) throw new Error("HTTP " + response.status);
        return response.text();
      })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("main");
        var revision = fresh ? Number(fresh.dataset.revision) || 0 : 0;
        if (revision > shown) {
          shown = revision;
          apply(doc);
        }
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
    stream = new EventSource("/api/stream?lastEventId=" + encodeURIComponent(String(shown)));
    stream.addEventListener("change", function (event) {
      streamFailures = 0;
      try { receive(JSON.parse(event.data)); } catch (e) { /* a malformed event is skipped; the next refresh catches up */ }
    });
    stream.addEventListener("open", function () { streamFailures = 0; });
    stream.addEventListener("error", function () {
      streamFailures++;
      if (stream && (stream.readyState === EventSource.CLOSED || streamFailures >= MAX_STREAM_FAILURES)) {
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
      if (stopped) return;
      fetch("/api/changes?since=" + encodeURIComponent(String(since)), { cache: "no-cache", headers: { Accept: "application/json" } })
        .then(function (response) {
          if (!response.ok) throw new Error("HTTP " + response.status);
          return response.json();
        })
        .then(function (page) {
          (page.changes || []).forEach(receive);
          since = Math.max(since, page.until || since);
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
  }

  function showLive() {
    var indicator = document.getElementById("live-indicator");
    if (indicator) indicator.hidden = false;
    main.querySelectorAll("[data-live-only]").forEach(function (element) { element.hidden = false; });
    main.querySelectorAll("[data-no-live]").forEach(function (element) { element.hidden = true; });
  }

  if (button) button.addEventListener("click", showPending);
  showLive();
  listen();
})();
