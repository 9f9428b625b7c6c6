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
