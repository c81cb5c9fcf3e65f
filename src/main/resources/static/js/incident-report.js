// The quick report form: "use my location" fills the coordinate fields named in data-locate.
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-locate]');
    if (!button || !navigator.geolocation) { return; }
    var ids = button.getAttribute('data-locate').split(' ');
    navigator.geolocation.getCurrentPosition(function (position) {
      document.getElementById(ids[0]).value = position.coords.latitude.toFixed(5);
      document.getElementById(ids[1]).value = position.coords.longitude.toFixed(5);
    });
  });
})();
