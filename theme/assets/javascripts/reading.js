/* reviewgen: reading, citing and finding a review. Behaviour only here: pages carry no inline script. */
(function () {
  "use strict";

  /* Search: each result says whose words it shows, and a switch limits the results to the rebuttals. */
  function speakerOf(link) {
    var href = link.getAttribute("href") || "";
    if (href.indexOf("#fn:") !== -1 || href.indexOf("#fn%3A") !== -1) return "reviewer";
    return href.indexOf("#") === -1 ? "page" : "original";
  }

  function markResults(list, rebuttalsOnly) {
    list.querySelectorAll("a.md-search-result__link:not([data-speaker])").forEach(function (link) {
      link.setAttribute("data-speaker", speakerOf(link));
    });
    if (!rebuttalsOnly) return;
    /* Material folds a page's weaker matches away: unfold those that hold a rebuttal. */
    list.querySelectorAll("details.md-search-result__more:not([open])").forEach(function (more) {
      if (more.querySelector("a[data-speaker='reviewer']")) more.open = true;
    });
  }

  function setUpSearchFilter() {
    var result = document.querySelector(".md-search-result");
    var list = result && result.querySelector(".md-search-result__list");
    if (!list || result.querySelector(".reading-search-filter")) return;
    var label = document.createElement("label");
    label.className = "reading-search-filter";
    var box = document.createElement("input");
    box.type = "checkbox";
    box.name = "rebuttals-only";
    label.appendChild(box);
    label.appendChild(document.createTextNode(" Rebuttals only"));
    result.insertBefore(label, result.firstChild);
    box.addEventListener("change", function () {
      if (box.checked) result.setAttribute("data-rebuttals-only", "");
      else result.removeAttribute("data-rebuttals-only");
      markResults(list, box.checked);
    });
    new MutationObserver(function () { markResults(list, box.checked); }).observe(list, { childList: true });
  }

  setUpSearchFilter();
})();
