// The accountability board: the area and the members' homes on the region outline (no tile server), and live
// numbers. The stream (server-sent events) says only "changed"; the page then fetches its live part again through
// the same signed-in, scoped request as the page itself, so the stream carries no personal data.
// Markup: #acc-map with data-geojson, data-area (the emergency's area as JSON), data-points (id of a JSON block
// {"points": [[lat, lon, status], …], "omitted": n}); #acc-live-state with data-stream and data-live.
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

  var COLOURS = {UNKNOWN: '#6b7280', SAFE: '#2e7d46', NEEDS_ASSISTANCE: '#e07a10', INJURED: '#c62f3b', MISSING: '#6d1b7b'};
  var map = null;
  var markers = null;

  function drawMap() {
    var element = document.getElementById('acc-map');
    if (!element || typeof L === 'undefined' || map) {
      return;
    }
    var area = JSON.parse(element.dataset.area || '{}');
    map = L.map(element, {attributionControl: true, zoomSnap: 0.25, scrollWheelZoom: false, preferCanvas: true,
      zoomControl: false});
    zoomControl(map, element);
    map.attributionControl.setPrefix(false);
    markers = L.layerGroup().addTo(map);
    var shapes = L.featureGroup().addTo(map);
    (area.circles || []).forEach(function (c) {
      L.circle([c.center.lat, c.center.lon], {radius: c.radiusKm * 1000, color: '#1f4e79', weight: 2, fillOpacity: 0.08})
        .addTo(shapes);
    });
    (area.polygons || []).forEach(function (ring) {
      L.polygon(ring.map(function (p) { return [p.lat, p.lon]; }), {color: '#1f4e79', weight: 2, fillOpacity: 0.08})
        .addTo(shapes);
    });
    fetch(element.dataset.geojson, {credentials: 'same-origin'})
      .then(function (response) { return response.json(); })
      .then(function (geo) {
        var regions = L.geoJSON(geo, {
          style: function (feature) {
            var named = (area.regionCodes || []).indexOf(feature.properties.code) >= 0;
            return {color: '#ffffff', weight: 1, fillColor: named ? '#9cc3e4' : '#c9ced6', fillOpacity: 0.7};
          },
          onEachFeature: function (feature, shape) {
            var lang = element.dataset.lang || 'kk';
            shape.bindTooltip(feature.properties['name_' + lang] || feature.properties.name_en, {sticky: true});
          }
        }).addTo(map);
        regions.bringToBack();
        var bounds = shapes.getLayers().length ? shapes.getBounds() : null;
        (area.regionCodes || []).forEach(function (code) {
          regions.eachLayer(function (layer) {
            if (layer.feature.properties.code === code) {
              bounds = bounds ? bounds.extend(layer.getBounds()) : layer.getBounds();
            }
          });
        });
        map.fitBounds(bounds || regions.getBounds(), {padding: [20, 20]});
      });
    drawPoints();
  }

  function drawPoints() {
    var element = document.getElementById('acc-map');
    if (!map || !element) {
      return;
    }
    var source = document.getElementById(element.dataset.points);
    var data = source ? JSON.parse(source.textContent) : {points: [], omitted: 0};
    markers.clearLayers();
    data.points.forEach(function (p) {
      L.circleMarker([p[0], p[1]], {radius: 5, weight: 1, color: '#ffffff', fillColor: COLOURS[p[2]] || '#6b7280',
        fillOpacity: 0.9}).addTo(markers);
    });
    var note = document.getElementById('acc-map-omitted');
    if (note) {
      note.textContent = data.omitted > 0 ? (element.dataset.omittedText || '').replace('{0}', data.omitted) : '';
    }
  }

  function refresh(url) {
    fetch(url, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        var live = document.getElementById('acc-live');
        if (html && live) {
          var holder = document.createElement('div');
          holder.innerHTML = html;
          var fresh = holder.querySelector('#acc-live');
          if (fresh) {
            live.replaceWith(fresh);
            drawPoints();
          }
        }
      });
  }

  function listen() {
    var state = document.getElementById('acc-live-state');
    if (!state || typeof EventSource === 'undefined') {
      return;
    }
    var source = new EventSource(state.dataset.stream);
    var pending = null;
    source.addEventListener('ready', function () { state.textContent = state.dataset.liveText; });
    source.addEventListener('changed', function () {
      // many reports in a second become one refresh
      if (!pending) {
        pending = setTimeout(function () { pending = null; refresh(state.dataset.live); }, 300);
      }
    });
    source.onerror = function () { state.textContent = state.dataset.offlineText; };
    source.onopen = function () { state.textContent = state.dataset.liveText; };
  }

  document.addEventListener('DOMContentLoaded', function () {
    drawMap();
    listen();
  });
})();
