// Draws the injury surveillance charts from the figures the page carries in data-charts (the same numbers are
// in the tables beside each chart). No inline script: the CSP allows scripts from this origin only.
(function () {
  'use strict';

  function ready(fn) {
    if (document.readyState !== 'loading') { fn(); } else { document.addEventListener('DOMContentLoaded', fn); }
  }

  var RED = '#c62f3b', BLUE = '#1f5f8b', GREY = '#6b7580', AMBER = '#b58900';

  function bar(canvas, labels, values, label, color) {
    return new Chart(canvas, {
      type: 'bar',
      data: { labels: labels, datasets: [{ label: label, data: values, backgroundColor: color }] },
      options: { responsive: true, animation: false, scales: { y: { beginAtZero: true } } }
    });
  }

  function pareto(canvas, labels, counts, cumulative) {
    return new Chart(canvas, {
      data: {
        labels: labels,
        datasets: [
          { type: 'bar', label: canvas.dataset.label, data: counts, backgroundColor: BLUE, yAxisID: 'y' },
          { type: 'line', label: canvas.dataset.cumulative, data: cumulative, borderColor: AMBER, yAxisID: 'share' }
        ]
      },
      options: {
        responsive: true, animation: false,
        scales: { y: { beginAtZero: true }, share: { position: 'right', min: 0, max: 100 } }
      }
    });
  }

  ready(function () {
    var holder = document.querySelector('[data-charts]');
    if (!holder || typeof Chart === 'undefined') { return; }
    var data = JSON.parse(holder.getAttribute('data-charts'));
    document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
      var kind = canvas.dataset.chart;
      if (kind === 'trend') {
        new Chart(canvas, {
          type: 'line',
          data: { labels: data.months, datasets: [{ label: canvas.dataset.label, data: data.monthRates, borderColor: BLUE }] },
          options: { responsive: true, animation: false, scales: { y: { beginAtZero: true } } }
        });
      } else if (kind === 'units') {
        bar(canvas, data.units, data.unitRates, canvas.dataset.label, BLUE);
      } else if (kind === 'uchart') {
        var c = data.uCharts[Number(canvas.dataset.index)];
        new Chart(canvas, {
          data: {
            labels: c.units,
            datasets: [
              { type: 'line', label: canvas.dataset.label, data: c.u, showLine: false, pointRadius: 5,
                pointStyle: c.flagged.map(function (f) { return f ? 'triangle' : 'circle'; }),
                pointBackgroundColor: c.flagged.map(function (f) { return f ? RED : BLUE; }) },
              { type: 'line', label: canvas.dataset.ucl, data: c.ucl, borderColor: RED, stepped: 'middle', pointRadius: 0 },
              { type: 'line', label: canvas.dataset.centre, data: c.units.map(function () { return c.centre; }),
                borderColor: GREY, borderDash: [4, 4], pointRadius: 0 }
            ]
          },
          options: { responsive: true, animation: false, scales: { y: { beginAtZero: true } } }
        });
      } else if (kind === 'causes') {
        pareto(canvas, data.causes, data.causeCounts, data.causeCumulative);
      } else if (kind === 'bodies') {
        pareto(canvas, data.bodyRegions, data.bodyRegionCounts, data.bodyRegionCumulative);
      }
    });
  });
})();
