// A map of the regions coloured by a value, with no tile server (operations rooms work offline).
// Markup: <div class="region-map" data-geojson="/geo/kz-regions.geojson" data-values="ID" data-lang="kk"
// aria-describedby="…table…"></div> and <script type="application/json" id="ID">{"KZ-75": {"band": "c2",
// "label": "C2", "href": "/readiness?node=KZ-75"}, …}</script>. The same numbers stand in a table beside the map.
(function () {
  'use strict';

  // The zoom buttons say their titles in the page's language: data-zoom-in and data-zoom-out on the map's element
  // hold the texts of the bundles (Leaflet's own titles are English).
  function zoomControl(map, element) {
    var options = {};
    if (element.dataset.zoomIn) {
      options.zoomInTitle = element.dataset.zoomIn;
    }
    if (element.dataset.zoomOut) {
      options.zoomOutTitle = element.dataset.zoomOut;
    }
    L.control.zoom(options).addTo(map);
  }

  var COLOURS = {c1: '#2e7d46', c2: '#e3b505', c3: '#e07a10', c4: '#c62f3b', none: '#c9ced6'};

  function draw(element) {
    if (typeof L === 'undefined' || element.dataset.drawn) {
      return;
    }
    element.dataset.drawn = 'true';
    var source = document.getElementById(element.dataset.values);
    var values = source ? JSON.parse(source.textContent) : {};
    var lang = element.dataset.lang || 'kk';
    fetch(element.dataset.geojson, {credentials: 'same-origin'})
      .then(function (response) { return response.json(); })
      .then(function (geo) {
        var map = L.map(element, {attributionControl: true, zoomSnap: 0.25, scrollWheelZoom: false, zoomControl: false});
        zoomControl(map, element);
        map.attributionControl.setPrefix(false);
        var layer = L.geoJSON(geo, {
          style: function (feature) {
            var value = values[feature.properties.code];
            var band = value && value.band ? value.band : 'none';
            return {color: '#ffffff', weight: 1, fillColor: COLOURS[band] || COLOURS.none, fillOpacity: 0.85};
          },
          onEachFeature: function (feature, shape) {
            var value = values[feature.properties.code];
            var name = feature.properties['name_' + lang] || feature.properties.name_en;
            shape.bindTooltip(name + (value && value.label ? ' — ' + value.label : ''), {sticky: true});
            if (value && value.href) {
              shape.on('click', function () { window.location.assign(value.href); });
            }
          }
        }).addTo(map);
        map.attributionControl.addAttribution(geo.attribution ? '© OpenStreetMap' : '');
        map.fitBounds(layer.getBounds());
      });
  }

  function drawAll() {
    document.querySelectorAll('.region-map').forEach(draw);
  }

  document.addEventListener('DOMContentLoaded', drawAll);
  document.addEventListener('htmx:afterSettle', drawAll);
})();
