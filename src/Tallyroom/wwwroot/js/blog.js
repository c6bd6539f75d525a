// Live updates for a live blog's page, on top of follow.js (which listens for changes and fetches the page again).
// When the blog changes, or the results shown in its result cards, and a newer copy of the page arrives, this:
//  - offers new posts behind an "N new updates" button instead of moving what the reader is reading;
//  - replaces edited posts and removes deleted ones in place;
//  - refreshes the summary, pinned post, key events and every result card;
// and tells screen readers what happened in the polite live region.
(function () {
  "use strict";

  var main = document.getElementById("main");
  if (!main || main.dataset.live !== "blog" || !window.fetch || !window.DOMParser || !window.Tallyroom) {
    return;
  }

  var blogId = main.dataset.liveKey;
  var following = null;
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
    if (freshMain.dataset.live) Tallyroom.showLive(main); else following.stop();
    showButton();

    if (added > 0) messages.push(plural(pending.length, "new update", "new updates") + " above the latest");
    if (edited > 0) messages.push(plural(edited, "update was", "updates were") + " corrected");
    if (removed > 0) messages.push(plural(removed, "update was", "updates were") + " removed");
    if (!freshMain.dataset.live) messages.push("This blog has closed");
    Tallyroom.announce(messages.join(". "));
  }

  if (button) button.addEventListener("click", showPending);
  following = Tallyroom.follow({
    main: main,
    concerns: concerns,
    url: function () { return window.location.pathname; },
    debounceMs: 150,
    jitterMs: 300,
    apply: function (doc) { apply(doc); },
  });
})();
