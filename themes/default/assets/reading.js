/* Reading aids of the default theme, added only when JavaScript runs (the page reads the same
   without them): the contents list marks the section being read (aria-current="location"), and
   every heading with an id gets a link to itself, shown on hover and keyboard focus, and the
   language switcher takes the reader to the same section in the other language.
   A classic script with no network access, so it works from file:// and inside the stand-alone
   report. */
(function () {
  'use strict';
  var main = document.getElementById('main');
  if (!main) return;

  // Heading anchors: "#" after the heading text, named for screen readers.
  var label = main.getAttribute('data-anchor-label') || 'Link to this section';
  var headings = main.querySelectorAll('article h2[id], article h3[id], article h4[id]');
  for (var i = 0; i < headings.length; i++) {
    var heading = headings[i];
    if (heading.querySelector('.heading-anchor') || heading.closest('nav, figure')) continue;
    var anchor = document.createElement('a');
    anchor.className = 'heading-anchor';
    anchor.href = '#' + encodeURIComponent(heading.id);
    anchor.setAttribute('aria-label', label + ': ' + heading.textContent.trim());
    anchor.textContent = '#';
    heading.appendChild(anchor);
  }

  // The id of the last of `elements` (in reading order) whose top has passed the reading line,
  // 30% down the window: the section being read, for the contents lists and the switcher.
  function lastPassed(elements) {
    var line = Math.min(window.innerHeight * 0.3, 200);
    var found = null;
    for (var k = 0; k < elements.length; k++) {
      if (elements[k].getBoundingClientRect().top <= line) found = elements[k].id; else break;
    }
    return found;
  }

  // The language switcher lands on the section being read: translations keep the original's
  // heading ids ({#id}), so the same fragment names the same section in every language. The
  // switcher sits at the top of the page, so "being read" is where the reader last rested (or
  // the section a link led to), not what passes by while scrolling back up to the switcher.
  var switches = document.querySelectorAll('.language-switcher a[href]');
  if (switches.length) {
    var sectionInView = function () { return lastPassed(headings); };
    var switcherInView = function () { return switches[0].getBoundingClientRect().bottom > 0; };
    var fromHash = function () { return location.hash ? decodeURIComponent(location.hash.slice(1)) : null; };
    var resting = fromHash();
    var restTimer = null;
    window.addEventListener('scroll', function () {
      clearTimeout(restTimer);
      restTimer = setTimeout(function () { if (!switcherInView()) resting = sectionInView(); }, 600);
    }, { passive: true });
    window.addEventListener('hashchange', function () { resting = fromHash(); });
    var carrySection = function (event) {
      var link = event.currentTarget;
      var base = link.getAttribute('href').split('#')[0];
      var id = switcherInView() ? resting : sectionInView() || resting;
      link.setAttribute('href', id ? base + '#' + encodeURIComponent(id) : base);
    };
    for (var s = 0; s < switches.length; s++) {
      ['click', 'auxclick', 'contextmenu'].forEach(function (type) { switches[s].addEventListener(type, carrySection); });
    }
  }

  // Current section in the contents lists (sidebar and phone).
  var links = document.querySelectorAll('.page-toc a[href^="#"]');
  if (!links.length) return;
  var byId = {};
  var targets = [];
  for (var j = 0; j < links.length; j++) {
    var id = decodeURIComponent(links[j].getAttribute('href').slice(1));
    if (!byId[id]) {
      var target = document.getElementById(id);
      if (!target) continue;
      byId[id] = [];
      targets.push(target);
    }
    byId[id].push(links[j]);
  }
  var current = null;
  function mark(id) {
    if (id === current) return;
    if (current && byId[current]) byId[current].forEach(function (a) { a.removeAttribute('aria-current'); });
    current = id;
    if (id && byId[id]) {
      byId[id].forEach(function (a) {
        a.setAttribute('aria-current', 'location');
        // Keep the marked entry in view in a sidebar that scrolls on its own.
        var box = a.closest('.page-toc-side');
        if (box && box.scrollHeight > box.clientHeight) {
          var top = a.offsetTop - box.offsetTop;
          if (top < box.scrollTop || top > box.scrollTop + box.clientHeight - 40) box.scrollTop = top - box.clientHeight / 3;
        }
      });
    }
  }
  var pending = false;
  function update() {
    pending = false;
    mark(lastPassed(targets));
  }
  window.addEventListener('scroll', function () {
    if (!pending) { pending = true; window.requestAnimationFrame(update); }
  }, { passive: true });
  window.addEventListener('hashchange', update);
  update();
})();
