// Draws a unit's readiness trend (P/T/S/R percent per day) from the snapshots the page carries in data-trend;
// the same numbers stand in the table under the chart. No inline script: the CSP allows this origin only.
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  ready(function () {
    var holder = document.querySelector('[data-trend]');
    var canvas = document.getElementById('trend-chart');
    if (!holder || !canvas || typeof Chart === 'undefined') { return; }
    var data = JSON.parse(holder.getAttribute('data-trend'));
    function line(key, label, colour) {
      return { label: label, data: data[key], borderColor: colour, backgroundColor: colour, spanGaps: true, tension: 0 };
    }
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: data.days,
        datasets: [
          line('p', canvas.dataset.labelP, '#1f5f8b'),
          line('t', canvas.dataset.labelT, '#2e7d46'),
          line('s', canvas.dataset.labelS, '#b58900'),
          line('r', canvas.dataset.labelR, '#6b7580')
        ]
      },
      options: { responsive: true, animation: false, scales: { y: { min: 0, max: 100 } } }
    });
  });
})();
