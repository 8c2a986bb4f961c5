(function () {
  "use strict";
  function flash(el) {
    el.classList.remove("flash");
    void el.offsetWidth; // restart the animation
    el.classList.add("flash");
  }
  function showSpan(id) {
    var mark = document.getElementById(id);
    if (!mark) { return false; }
    mark.scrollIntoView({ block: "center", inline: "nearest" });
    flash(mark);
    return true;
  }
  function showItem(itemId) {
    var item = document.getElementById(itemId);
    if (!item) { return; }
    var panel = item.closest(".panel");
    document.querySelectorAll(".panel .item.current").forEach(function (el) {
      el.classList.remove("current");
    });
    item.classList.add("current");
    if (panel) {
      var top = item.getBoundingClientRect().top - panel.getBoundingClientRect().top;
      if (top < 0 || top > panel.clientHeight - 40) {
        panel.scrollTop += top - panel.clientHeight / 3;
      }
    }
  }
  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) { return; }
    var item = target.closest(".panel .item[data-ref]");
    if (item) {
      event.preventDefault();
      if (showSpan(item.getAttribute("data-ref"))) {
        showItem(item.id);
        if (window.history && history.replaceState) {
          history.replaceState(null, "", "#" + item.getAttribute("data-ref"));
        }
      }
      return;
    }
    var mark = target.closest("mark[data-item]");
    if (mark) {
      showItem(mark.getAttribute("data-item"));
    }
  });
  document.addEventListener("change", function (event) {
    var box = event.target;
    if (!(box instanceof HTMLInputElement) || !box.hasAttribute("data-toggle")) { return; }
    var report = box.closest("section.report");
    if (report) { report.classList.toggle("hide-" + box.getAttribute("data-toggle"), !box.checked); }
  });
  if (location.hash.length > 1) {
    var id = decodeURIComponent(location.hash.slice(1));
    if (showSpan(id)) {
      var mark = document.getElementById(id);
      if (mark && mark.getAttribute("data-item")) { showItem(mark.getAttribute("data-item")); }
    }
  }
})();
