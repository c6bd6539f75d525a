// Live updates for Tallyroom's results pages, on top of follow.js (which listens for changes and fetches the page
// again): when a newer copy arrives, this swaps in its main content, keeping the reader's focus, scroll position and
// open explanations, and announces the update in the polite live region.
//
// The page says what concerns it on <main>: data-live="all" (any change), "council" or "ballot" with data-live-key
// (the council's slug or the ballot id), and data-revision, the revision it shows. Pages "as at" a past revision carry
// no data-live and never update.
(function () {
  "use strict";

  var main = document.getElementById("main");
  if (!main || !main.dataset.live || !window.fetch || !window.DOMParser || !window.Tallyroom) {
    return;
  }

  var scope = main.dataset.live;
  var key = main.dataset.liveKey || null;

  function concerns(change) {
    if (change.blogId) return false; // blog posts concern the blog's pages only, which have their own script
    if (scope === "council") return change.council === key;
    if (scope === "ballot") return change.ballotId === key;
    return true;
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
    Tallyroom.showLive(main);
    restoreFocus(saved);
    window.scrollTo(x, y);
    main.classList.remove("just-updated");
    void main.offsetWidth; // restart the highlight animation
    main.classList.add("just-updated");
  }

  Tallyroom.follow({
    main: main,
    concerns: concerns,
    url: function () { return window.location.href; },
    debounceMs: 250,
    jitterMs: 500,
    apply: function (doc, fresh) {
      document.title = doc.title;
      swap(fresh);
      Tallyroom.announce(fresh.dataset.update || "Page updated");
    },
  });
})();
