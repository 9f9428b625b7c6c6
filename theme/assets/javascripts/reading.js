/* reviewgen: reading, citing and finding a review. Behaviour only here: pages carry no inline script. */
(function () {
  "use strict";

  /* The theme's script, left out of the first paint by the build (reviewgen/site/theme_script.py):
     fetched once the page has loaded and its first paint has happened. It starts on DOMContentLoaded,
     which has passed by then, so the event is announced again once it has run (it reads what a reader
     typed into the search box meanwhile as it starts). */
  var later = document.querySelector("script[type='text/x-after-first-paint'][src]");
  var themeScript = null;  /* once asked for: a promise that the theme's script has run */
  var themeRan = false;
  function loadThemeScript() {
    if (themeScript) return themeScript;
    themeScript = new Promise(function (resolve) {
      var script = document.createElement("script");
      script.src = later.getAttribute("src");
      script.addEventListener("load", function () { themeRan = true; document.dispatchEvent(new Event("DOMContentLoaded")); resolve(); });
      /* Into the head: an element added to the body makes the browser restyle the whole page again
         (Material's sibling rules), about 80 ms on the longest page. */
      document.head.appendChild(script);
    });
    return themeScript;
  }
  /* A search button that only the theme's script makes work (Zensical's) pressed before that script
     has run: fetch it now, and press the button again once it has started. */
  if (later) {
    document.addEventListener("click", function (event) {
      var button = !themeRan && event.target.closest && event.target.closest("button.md-search__button");
      if (!button) return;
      event.preventDefault();
      event.stopPropagation();
      loadThemeScript().then(function () { requestAnimationFrame(function () { button.click(); }); });
    }, true);
  }
  function afterFirstPaint() {
    if (!later) return;
    var started = false;
    function start() { if (!started) { started = true; setTimeout(loadThemeScript, 0); } }
    var types = window.PerformanceObserver && PerformanceObserver.supportedEntryTypes;
    if (!types || types.indexOf("paint") === -1) return start();
    new PerformanceObserver(function (list, observer) {
      if (list.getEntriesByName("first-contentful-paint").length) { observer.disconnect(); start(); }
    }).observe({ type: "paint", buffered: true });
    setTimeout(start, 3000);  /* a page with nothing to paint, or a browser that does not say */
  }
  if (document.readyState === "complete") afterFirstPaint();
  else window.addEventListener("load", afterFirstPaint, { once: true });

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
    /* after the count of results, not before: Material, which may start after this, takes the
       result box's first child for its count and its last for the list */
    result.insertBefore(label, list);
    box.addEventListener("change", function () {
      if (box.checked) result.setAttribute("data-rebuttals-only", "");
      else result.removeAttribute("data-rebuttals-only");
      markResults(list, box.checked);
    });
    new MutationObserver(function () { markResults(list, box.checked); }).observe(list, { childList: true });
  }

  setUpSearchFilter();

  /* Announcements for screen readers: one polite live region per page. */
  var status = null;
  function announce(message) {
    if (!status) {
      status = document.createElement("div");
      status.className = "reading-status";
      status.setAttribute("role", "status");
      status.setAttribute("aria-live", "polite");
      document.body.appendChild(status);
    }
    status.textContent = "";
    setTimeout(function () { status.textContent = message; }, 50);  /* a change, even for the same words */
  }

  /* Citations: the item's words, the rebuttal's first words, the titles and the link. */
  var QUOTE_WORDS = 120, REBUTTAL_WORDS = 25;

  function words(text, limit) {
    var parts = text.replace(/\s+/g, " ").trim().split(" ");
    return parts.length > limit ? parts.slice(0, limit).join(" ") + " …" : parts.join(" ");
  }

  function ownText(element) {
    var copy = element.cloneNode(true);
    copy.querySelectorAll("aside.rebuttal, .cite-tools, .para-tools, sup[id^='fnref'], a.footnote-ref").forEach(function (added) {
      added.remove();
    });
    return copy.textContent;
  }

  function escapeMarkdown(text) {
    return text.replace(/([\\`*_\[\]<>#|])/g, "\\$1");
  }

  function citation(button) {
    var id = button.getAttribute("data-cite");
    var item = document.getElementById(id);
    var aside = document.querySelector("aside.rebuttal[data-target='" + id + "']");
    var context = document.querySelector(".cite-context");
    var cite = {
      label: button.getAttribute("data-label"),
      quote: words(ownText(item), QUOTE_WORDS),
      rebuttal: aside ? words(ownText(aside), REBUTTAL_WORDS) : "",
      reviewer: context ? context.getAttribute("data-reviewer") : "",
      review: context ? context.getAttribute("data-review") : document.title,
      original: context ? context.getAttribute("data-original") : "",
      url: location.href.split("#")[0] + "#" + id
    };
    var reviewer = cite.reviewer || "The reviewer";
    var where = cite.label + (cite.original ? " of " + cite.original : "");
    if (button.getAttribute("data-format") === "markdown") {
      var lines = ["> " + escapeMarkdown(cite.quote)];
      if (cite.rebuttal) lines.push(">", "> **" + escapeMarkdown(reviewer) + ":** " + escapeMarkdown(cite.rebuttal));
      var source = escapeMarkdown(cite.label) + (cite.original ? " of *" + escapeMarkdown(cite.original) + "*" : "");
      lines.push("", source + ", in [" + escapeMarkdown(cite.review) + "](<" + cite.url + ">)");
      return lines.join("\n") + "\n";
    }
    var text = ["“" + cite.quote + "”"];
    if (cite.rebuttal) text.push(reviewer + ": “" + cite.rebuttal + "”");
    text.push(where + ", in “" + cite.review + "”", cite.url);
    return text.join("\n") + "\n";
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "reading-status";
      document.body.appendChild(area);
      area.select();
      var done = document.execCommand("copy");
      area.remove();
      if (done) resolve(); else reject(new Error("copy refused"));
    });
  }

  /* The buttons that work only with script are written by it, not into the page: beside each
     paragraph's number, one that copies its link (review.js does the copying); at the end of each
     item, its two cite buttons, in the place the build left with what they name the item. A few
     dozen items a frame: written at once, on the longest page, they made the page's layout over
     in one long task as it opened. */
  function inFrames(elements, write) {
    var next = 0;
    function some() {
      for (var end = Math.min(next + 30, elements.length); next < end; next++) write(elements[next]);
      if (next < elements.length) requestAnimationFrame(some);
    }
    requestAnimationFrame(some);
  }

  function button(className, attributes) {
    var made = document.createElement("button");
    made.type = "button";
    made.className = className;
    Object.keys(attributes).forEach(function (name) { made.setAttribute(name, attributes[name]); });
    return made;
  }

  inFrames(document.querySelectorAll(".md-typeset a.para-number"), function (number) {
    var tools = document.createElement("span");
    tools.className = "para-tools";
    tools.appendChild(button("para-copy", {
      "data-link": number.getAttribute("href"),
      "aria-label": "Copy the link to paragraph " + number.textContent.replace(/\.$/, "")
    }));
    number.parentNode.insertBefore(tools, number.nextSibling);
  });

  inFrames(document.querySelectorAll(".md-typeset .cite-tools[data-label]"), function (tools) {
    var named = tools.getAttribute("data-named");
    [["text", ""], ["markdown", " as Markdown"]].forEach(function (format) {
      tools.appendChild(button("cite", {
        "data-cite": tools.closest("[id]").id, "data-format": format[0],
        "data-label": tools.getAttribute("data-label"), "aria-label": "Cite " + named + format[1]
      }));
    });
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest("button.cite");
    if (!button) return;
    var name = button.getAttribute("data-label");
    var markdown = button.getAttribute("data-format") === "markdown";
    copy(citation(button)).then(function () {
      button.setAttribute("data-state", "copied");
      setTimeout(function () { button.removeAttribute("data-state"); }, 1500);
      announce("Citation of " + name + (markdown ? " copied as Markdown" : " copied"));
    }, function () {
      announce("The citation of " + name + " could not be copied: this browser refused the clipboard");
    });
  });

  /* Go to a paragraph by its number, on whichever page of the review it is. */
  var paragraphMaps = {};
  function paragraphMap(form) {
    var url = new URL(form.getAttribute("data-map"), location.href).href;
    if (!paragraphMaps[url]) {
      paragraphMaps[url] = fetch(url).then(function (response) {
        if (!response.ok) throw new Error(response.status);
        return response.json();
      }).then(function (map) { return { url: url, map: map }; });
    }
    return paragraphMaps[url];
  }

  document.addEventListener("submit", function (event) {
    var form = event.target.closest("form.jump");
    if (!form) return;
    event.preventDefault();  /* nothing is sent anywhere: the page's policy allows no form action */
    var box = form.querySelector("input[name='paragraph']");
    var number = box.value.replace(/[^0-9]/g, "").replace(/^0+/, "");
    paragraphMap(form).then(function (found) {
      var target = found.map[number];
      if (!target) {
        box.setAttribute("aria-invalid", "true");
        announce(number ? "There is no paragraph " + number + " in this review" : "Type a paragraph number");
        return;
      }
      box.removeAttribute("aria-invalid");
      var address = new URL(target, found.url);
      if (address.pathname === location.pathname) {
        location.hash = address.hash;
        var paragraph = document.getElementById(address.hash.slice(1));
        if (paragraph) { paragraph.setAttribute("tabindex", "-1"); paragraph.focus(); }
      } else {
        location.href = address.href;
      }
    }, function () {
      announce("The list of paragraphs could not be loaded");
    });
  });

  /* "g" goes to the paragraph box, as "/" goes to search; not while typing. */
  document.addEventListener("keydown", function (event) {
    if (event.key !== "g" || event.ctrlKey || event.metaKey || event.altKey) return;
    var typing = event.target.closest("input, textarea, select, [contenteditable]");
    var box = document.getElementById("jump-to");
    if (typing || !box) return;
    event.preventDefault();
    box.focus();
    box.select();
  });

  /* On paper a link shows its address, unless its words are the address already. */
  document.querySelectorAll(".md-typeset a[href^='http']").forEach(function (link) {
    if (link.textContent.trim().replace(/\/$/, "") === link.getAttribute("href").replace(/\/$/, "")) link.classList.add("bare-address");
  });

  /* The print edition: its title runs at the head of every printed page, its address at the foot. A
     margin box's content is a CSS string, so the rule is made here, where the address is known. */
  var running = document.querySelector(".print-running");
  if (running && window.CSSStyleSheet && document.adoptedStyleSheets) {
    var cssString = function (words) {
      return "\"" + words.replace(/\s+/g, " ").trim().replace(/\\/g, "\\\\").replace(/"/g, "\\\"") + "\"";
    };
    var address = location.href.split("#")[0].split("?")[0];
    var sheet = new CSSStyleSheet();
    sheet.replaceSync(
      "@page { @top-left { content: " + cssString(running.textContent) + "; font: 8pt sans-serif; color: #555; }" +
      " @bottom-left { content: " + cssString(address) + "; font: 7pt sans-serif; color: #555; } }"
    );
    document.adoptedStyleSheets = document.adoptedStyleSheets.concat([sheet]);
  }
})();
