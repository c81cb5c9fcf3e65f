// Draws the SITREP's figures over time from data-sitrep (the same numbers are in the table under the chart).
// No inline script: the CSP allows scripts from this origin only.
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  var COLOURS = ['#1f5f8b', '#b58900', '#2e7d32', '#6a3d9a'];

  ready(function () {
    var holder = document.querySelector('[data-sitrep]');
    var canvas = document.querySelector('canvas[data-chart="sitrep"]');
    if (!holder || !canvas || typeof Chart === 'undefined') { return; }
    var data = JSON.parse(holder.getAttribute('data-sitrep'));
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: data.labels,
        datasets: data.series.map(function (s, i) {
          return { label: s.label, data: s.data, borderColor: COLOURS[i % COLOURS.length], stepped: true, pointRadius: 0 };
        })
      },
      options: { responsive: true, animation: false, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } }
    });
  });
})();
