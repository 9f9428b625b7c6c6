/* reviewgen: copy a paragraph's link. Event delegation works with or without instant loading. */
document.addEventListener("click", function (event) {
  var button = event.target.closest("button.para-copy");
  if (!button) return;
  var url = location.href.split("#")[0] + button.getAttribute("data-link");
  var done = function () {
    button.setAttribute("data-state", "copied");
    setTimeout(function () { button.removeAttribute("data-state"); }, 1500);
  };
  if (navigator.clipboard && window.isSecureContext) {
    navigator.clipboard.writeText(url).then(done, function () { history.replaceState(null, "", url); done(); });
  } else {
    history.replaceState(null, "", url);
    done();
  }
});

/* reviewgen: following a rebuttal's marker moves the focus to the rebuttal, so a
   screen reader reads it next and Tab continues from there. */
document.addEventListener("click", function (event) {
  var link = event.target.closest("a.footnote-ref, a.rebuttal-back");
  if (!link) return;
  var target = document.getElementById(decodeURIComponent(link.getAttribute("href").slice(1)));
  if (!target) return;
  event.preventDefault();
  history.pushState(null, "", link.getAttribute("href"));
  if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
  target.focus({ preventScroll: true });
  target.scrollIntoView({ block: "center" });
});

/* reviewgen: sidenotes. On a wide screen each rebuttal sits in the right-hand margin,
   its top level with its paragraph's or, when the rebuttal above runs longer, just
   below that one: a long rebuttal flows down the margin past the next paragraphs
   instead of pushing them down, and no two overlap. Narrower, in print and without
   this script, each rebuttal stays where the page puts it: beneath its paragraph. */
(function () {
  var WIDE = window.matchMedia("screen and (min-width: 76.25em)");
  var GAP = 12;
  var scheduled = false;

  var pushed = [];  /* items moved down to keep a rebuttal beside what it answers */

  function reset(column, asides) {
    document.documentElement.classList.remove("rg-sidenotes");
    column.style.minHeight = "";
    asides.forEach(function (aside) { aside.style.top = ""; aside.style.left = ""; aside.style.width = ""; });
    unpush();
  }

  function unpush() {
    pushed.forEach(function (element) { element.style.marginTop = ""; });
    pushed = [];
  }

  function items(column) {
    return Array.prototype.filter.call(
      column.querySelectorAll("[id^='para-'], [id^='figure-']"),
      function (element) { return !element.closest("aside"); }
    );
  }

  /* Move ``item`` down until ``probe`` starts at ``y`` (margins collapse, so measure again). */
  function push(item, y, probe) {
    var block = item.closest(".reviewed") || item;
    if (pushed.indexOf(block) < 0) pushed.push(block);
    for (var tries = 0; tries < 3 && y > probe.getBoundingClientRect().top + 0.5; tries++) {
      block.style.marginTop = (parseFloat(getComputedStyle(block).marginTop) + y - probe.getBoundingClientRect().top) + "px";
    }
  }

  var first = true;  /* the first layout after the page opened */

  function layout() {
    scheduled = false;
    var column = document.querySelector(".md-content__inner");
    if (!column) return;
    var asides = Array.prototype.slice.call(column.querySelectorAll("aside.rebuttal[data-target]"));
    if (!asides.length) return;
    if (!WIDE.matches) { reset(column, asides); return; }
    document.documentElement.classList.add("rg-sidenotes");
    column.style.minHeight = "";  /* measure the column as its own text makes it */
    unpush();
    var order = items(column);
    var margin = 1.2 * parseFloat(getComputedStyle(document.documentElement).fontSize);
    var width = parseFloat(getComputedStyle(column).marginRight) - 2 * margin;
    asides.forEach(function (aside) { aside.style.width = width + "px"; });
    var below = -Infinity;
    asides.forEach(function (aside) {
      var target = document.getElementById(aside.getAttribute("data-target"));
      var next = order[order.indexOf(target) + 1];
      var after = order[order.indexOf(target) + 2];
      var top = Math.max(target ? target.getBoundingClientRect().top : -Infinity, below + GAP);
      if (after && top + GAP > after.getBoundingClientRect().top) {
        /* the margin is full this far down: the text makes room, shared between the two
           gaps before the next-but-one item, so the rebuttal still starts before it */
        var short = top + GAP - after.getBoundingClientRect().top;
        push(next, after.getBoundingClientRect().top + short / 2, after);
        push(after, top + GAP, after);
      }
      var box = column.getBoundingClientRect();
      var parent = (aside.offsetParent || column).getBoundingClientRect();
      aside.style.top = (top - parent.top) + "px";
      aside.style.left = (box.right + margin - parent.left) + "px";
      below = top + aside.getBoundingClientRect().height;
    });
    var needed = below - column.getBoundingClientRect().top;
    column.style.minHeight = needed > column.offsetHeight ? needed + "px" : "";
    if (first && location.hash) {
      /* the text made room above the paragraph the address names: bring it back into view */
      var named = document.getElementById(decodeURIComponent(location.hash.slice(1)));
      if (named) named.scrollIntoView();
    }
    first = false;
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    requestAnimationFrame(layout);
  }

  window.addEventListener("load", schedule);
  window.addEventListener("resize", schedule);
  if (WIDE.addEventListener) WIDE.addEventListener("change", schedule);
  document.addEventListener("toggle", schedule, true);
  if (document.fonts && document.fonts.ready) document.fonts.ready.then(schedule);
  if (window.ResizeObserver) {
    new ResizeObserver(schedule).observe(document.body);
  }
  schedule();
})();

/* reviewgen: with navigation.indexes, Material labels a section's navigation by a
   label that holds only its expand icon, so every nested navigation is nameless
   and screen readers cannot tell them apart; name each after its section's link. */
document.querySelectorAll("nav.md-nav[aria-labelledby]").forEach(function (nav) {
  var label = document.getElementById(nav.getAttribute("aria-labelledby"));
  if (!label || label.textContent.trim()) return;
  var link = label.parentElement && label.parentElement.querySelector("a.md-nav__link");
  if (link && link.textContent.trim()) nav.setAttribute("aria-label", "Pages in " + link.textContent.trim());
});

/* reviewgen: an acronym's expansion shows on hover; so that a keyboard reaches it
   too, the use that carries it takes the focus (Material shows the tooltip on
   focus): the build keeps it on the first use of each acronym on a page only,
   so Tab does not stop at every use. */
document.querySelectorAll("article abbr[title]").forEach(function (abbr) { abbr.tabIndex = 0; });
