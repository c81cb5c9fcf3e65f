// Live call-up progress: reads server-sent "progress" events (JSON counts) and updates the bars and numbers;
// when the answers change it reloads the tables from the page itself. No inline script (CSP).
(function () {
  'use strict';
  var box = document.querySelector('[data-callup-stream]');
  if (!box || !window.EventSource) {
    return;
  }
  var lastAnswered = null;
  var lastSilent = null;

  function value(data, path) {
    return path.split('.').reduce(function (o, k) { return o == null ? undefined : o[k]; }, data);
  }

  function refreshTables() {
    fetch(box.getAttribute('data-callup-page'), { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var doc = new DOMParser().parseFromString(html, 'text/html');
        var fresh = doc.getElementById('callup-tables');
        var current = document.getElementById('callup-tables');
        if (fresh && current) { current.replaceWith(fresh); }
      })
      .catch(function () { /* the next event tries again */ });
  }

  var source = new EventSource(box.getAttribute('data-callup-stream'));
  source.addEventListener('progress', function (e) {
    var data;
    try { data = JSON.parse(e.data); } catch (err) { return; }
    document.querySelectorAll('[data-field]').forEach(function (el) {
      var v = value(data, el.getAttribute('data-field'));
      if (v !== undefined && v !== null && typeof v !== 'object') { el.textContent = v; }
    });
    var answered = document.getElementById('callup-answered');
    if (answered) { answered.value = data.answeredPercent; answered.textContent = data.answeredPercent + '%'; }
    var sent = document.getElementById('callup-sent');
    if (sent) { sent.value = data.sentPercent; sent.textContent = data.sentPercent + '%'; }
    var silent = data.total ? data.total.silent : null;
    if ((lastAnswered !== null && lastAnswered !== data.answered) || (lastSilent !== null && lastSilent !== silent)) {
      refreshTables();
    }
    lastAnswered = data.answered;
    lastSilent = silent;
  });
})();
