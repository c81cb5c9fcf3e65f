// Maps of an emergency's area, with no tile server (operations rooms work offline): the regions are drawn from
// the bundled GeoJSON. Two uses:
//  - <div class="emergency-map" data-area="ID" data-geojson="…" data-lang="kk"> with <script type="application/json"
//    id="ID"> holding the area ({polygons: [[{lat, lon}…]], circles: [{center: {lat, lon}, radiusKm}], regionCodes})
//    shows the area; the same facts are listed beside the map.
//  - <div class="area-draw" data-centre="ID" data-radius="ID" data-polygon="ID"> around a map fills the declare
//    form's text fields: in circle mode a click sets the centre, in polygon mode each click adds a corner. The
//    fields work without the map, and typing in them redraws it.
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

  var AREA = {color: '#c62f3b', weight: 2, fillColor: '#c62f3b', fillOpacity: 0.25};

  function regionsLayer(map, geo, lang, highlighted) {
    return L.geoJSON(geo, {
      style: function (feature) {
        var on = highlighted.indexOf(feature.properties.code) >= 0;
        return {color: '#ffffff', weight: 1, fillColor: on ? '#c62f3b' : '#c9ced6', fillOpacity: on ? 0.45 : 0.6};
      },
      onEachFeature: function (feature, shape) {
        shape.bindTooltip(feature.properties['name_' + lang] || feature.properties.name_en, {sticky: true});
      }
    }).addTo(map);
  }

  function newMap(element) {
    var map = L.map(element, {attributionControl: true, zoomSnap: 0.25, scrollWheelZoom: false, zoomControl: false});
    zoomControl(map, element);
    map.attributionControl.setPrefix(false);
    return map;
  }

  function parsePoint(text) {
    var parts = String(text).trim().split(/\s*[, ]\s*/);
    if (parts.length !== 2) {
      return null;
    }
    var lat = parseFloat(parts[0]);
    var lon = parseFloat(parts[1]);
    return isFinite(lat) && isFinite(lon) ? [lat, lon] : null;
  }

  function format(latlng) {
    return latlng.lat.toFixed(5) + ',' + latlng.lng.toFixed(5);
  }

  function showArea(element) {
    var source = document.getElementById(element.dataset.area);
    var area = source ? JSON.parse(source.textContent) : {};
    var lang = element.dataset.lang || 'kk';
    fetch(element.dataset.geojson, {credentials: 'same-origin'})
      .then(function (response) { return response.json(); })
      .then(function (geo) {
        var map = newMap(element);
        var regions = regionsLayer(map, geo, lang, area.regionCodes || []);
        // a view first: circles are projected when they are added
        map.fitBounds(regions.getBounds());
        var bounds = null;
        function extend(more) {
          bounds = bounds ? bounds.extend(more) : L.latLngBounds(more.getSouthWest(), more.getNorthEast());
        }
        (area.polygons || []).forEach(function (ring) {
          var points = ring.map(function (p) { return [p.lat, p.lon]; });
          L.polygon(points, AREA).addTo(map);
          extend(L.latLngBounds(points));
        });
        (area.circles || []).forEach(function (c) {
          var centre = L.latLng(c.center.lat, c.center.lon);
          L.circle(centre, Object.assign({radius: c.radiusKm * 1000}, AREA)).addTo(map);
          extend(centre.toBounds(Math.max(c.radiusKm, 1) * 2000));
        });
        regions.eachLayer(function (layer) {
          if ((area.regionCodes || []).indexOf(layer.feature.properties.code) >= 0) {
            extend(layer.getBounds());
          }
        });
        map.attributionControl.addAttribution(geo.attribution ? '© OpenStreetMap' : '');
        map.fitBounds(bounds || regions.getBounds(), {maxZoom: 10, padding: [20, 20]});
      });
  }

  function drawArea(container) {
    var element = container.querySelector('.emergency-map');
    var centre = document.getElementById(container.dataset.centre);
    var radius = document.getElementById(container.dataset.radius);
    var polygon = document.getElementById(container.dataset.polygon);
    var lang = container.dataset.lang || 'kk';
    fetch(container.dataset.geojson, {credentials: 'same-origin'})
      .then(function (response) { return response.json(); })
      .then(function (geo) {
        var map = newMap(element);
        var regions = regionsLayer(map, geo, lang, []);
        // a view first: circles are projected when they are added
        map.fitBounds(regions.getBounds());
        var shapes = L.featureGroup().addTo(map);
        map.attributionControl.addAttribution(geo.attribution ? '© OpenStreetMap' : '');

        function mode() {
          var checked = container.querySelector('[data-draw-mode]:checked');
          return checked ? checked.value : 'circle';
        }

        function redraw() {
          shapes.clearLayers();
          var c = parsePoint(centre.value);
          var r = parseFloat(radius.value);
          if (c) {
            L.circle(c, Object.assign({radius: (isFinite(r) && r > 0 ? r : 0) * 1000}, AREA)).addTo(shapes);
            L.circleMarker(c, {radius: 4, color: AREA.color}).addTo(shapes);
          }
          var points = polygon.value.split(';').map(parsePoint).filter(function (p) { return p; });
          if (points.length >= 3) {
            L.polygon(points, AREA).addTo(shapes);
          } else if (points.length) {
            L.polyline(points, {color: AREA.color}).addTo(shapes);
          }
          points.forEach(function (p) { L.circleMarker(p, {radius: 3, color: AREA.color}).addTo(shapes); });
        }

        map.on('click', function (event) {
          if (mode() === 'circle') {
            centre.value = format(event.latlng);
            if (!radius.value) {
              radius.value = '25';
            }
          } else {
            var text = polygon.value.trim();
            polygon.value = (text && text.charAt(text.length - 1) !== ';' ? text + ';' : text) + format(event.latlng);
          }
          redraw();
        });
        [centre, radius, polygon].forEach(function (input) { input.addEventListener('input', redraw); });
        var clear = container.querySelector('[data-draw-clear]');
        if (clear) {
          clear.addEventListener('click', function () {
            if (mode() === 'circle') {
              centre.value = '';
              radius.value = '';
            } else {
              polygon.value = '';
            }
            redraw();
          });
        }
        redraw();
        var start = polygon.value.split(';').map(parsePoint).filter(function (p) { return p; });
        var c = parsePoint(centre.value);
        if (c) {
          start.push(L.latLng(c).toBounds(Math.max(parseFloat(radius.value) || 1, 1) * 2000).getNorthEast());
          start.push(L.latLng(c).toBounds(Math.max(parseFloat(radius.value) || 1, 1) * 2000).getSouthWest());
        }
        if (start.length) {
          map.fitBounds(L.latLngBounds(start), {maxZoom: 10, padding: [20, 20]});
        }
      });
  }

  function init() {
    if (typeof L === 'undefined') {
      return;
    }
    document.querySelectorAll('.emergency-map[data-area]').forEach(function (element) {
      if (!element.dataset.drawn) {
        element.dataset.drawn = 'true';
        showArea(element);
      }
    });
    document.querySelectorAll('.area-draw').forEach(function (container) {
      if (!container.dataset.drawn) {
        container.dataset.drawn = 'true';
        drawArea(container);
      }
    });
  }

  document.addEventListener('DOMContentLoaded', init);
  document.addEventListener('htmx:afterSettle', init);
})();
