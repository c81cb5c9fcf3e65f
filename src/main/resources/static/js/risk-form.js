// Risk assessment form: shows the ATP 5-19 level of each probability/severity pair as it is chosen, and
// fills probability, severity and controls from a library hazard when they are still empty. The server
// computes and checks everything again; without this script the form works the same.
(function () {
  'use strict';

  var form = document.querySelector('form.risk-form');
  if (!form) {
    return;
  }
  var rows = (form.getAttribute('data-matrix') || '').split(';').map(function (r) { return r.split(','); });
  var probabilities = ['A', 'B', 'C', 'D', 'E'];
  var severities = ['I', 'II', 'III', 'IV'];
  var names = {
    L: form.getAttribute('data-level-l'), M: form.getAttribute('data-level-m'),
    H: form.getAttribute('data-level-h'), EH: form.getAttribute('data-level-eh')
  };

  function level(p, s) {
    var col = probabilities.indexOf(p);
    var row = severities.indexOf(s);
    return col < 0 || row < 0 || !rows[row] ? null : rows[row][col];
  }

  function refresh(container, pair) {
    var p = container.querySelector('select.pick-p[data-pair="' + pair + '"]');
    var s = container.querySelector('select.pick-s[data-pair="' + pair + '"]');
    var out = container.querySelector('output.level-out[data-pair="' + pair + '"]');
    if (!p || !s || !out) {
      return;
    }
    var l = level(p.value, s.value);
    out.textContent = '';
    var badge = document.createElement('span');
    if (l) {
      badge.className = 'badge level level-' + l;
      badge.textContent = l + ' \u00b7 ' + names[l];
    } else {
      badge.className = 'hint';
      badge.textContent = form.getAttribute('data-level-none');
    }
    out.appendChild(badge);
  }

  form.addEventListener('change', function (event) {
    var target = event.target;
    var row = target.closest('.hazard-row');
    if (!row) {
      return;
    }
    if (target.classList.contains('hazard-code')) {
      var option = target.options[target.selectedIndex];
      var p = row.querySelector('select.pick-p[data-pair="initial"]');
      var s = row.querySelector('select.pick-s[data-pair="initial"]');
      var controls = row.querySelector('textarea.hazard-controls');
      if (option && option.value) {
        if (p && !p.value) { p.value = option.getAttribute('data-probability'); }
        if (s && !s.value) { s.value = option.getAttribute('data-severity'); }
        if (controls && !controls.value.trim()) { controls.value = option.getAttribute('data-controls') || ''; }
      }
    }
    refresh(row, 'initial');
    refresh(row, 'residual');
  });
})();
