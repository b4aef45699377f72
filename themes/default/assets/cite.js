// "Cite this" boxes: shows each box's copy button and copies the formatted citation when it is
// pressed. Progressive enhancement: without JavaScript the button stays hidden and the text can be
// selected by hand; nothing here uses the network, and it works from file://.
(function () {
  "use strict";

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    // Older browsers: copy through a hidden text area.
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var copied = false;
      try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
      document.body.removeChild(area);
      if (copied) { resolve(); } else { reject(new Error("copy refused")); }
    });
  }

  function setUp() {
    var buttons = document.querySelectorAll("button.cite-copy[data-copy]");
    Array.prototype.forEach.call(buttons, function (button) {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source) { return; }
      var label = button.textContent;
      button.hidden = false;
      button.addEventListener("click", function () {
        copy(source.textContent.replace(/\s+/g, " ").trim()).then(function () {
          button.textContent = button.getAttribute("data-copied") || label;
          button.setAttribute("data-state", "copied");
          window.setTimeout(function () { button.textContent = label; button.removeAttribute("data-state"); }, 2000);
        }, function () {
          // Copying refused: select the text so that the reader can copy it by hand.
          var range = document.createRange();
          range.selectNodeContents(source);
          var selection = window.getSelection();
          selection.removeAllRanges();
          selection.addRange(range);
        });
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
