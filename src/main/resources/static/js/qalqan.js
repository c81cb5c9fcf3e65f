// Qalqan page behaviour. Loaded as a file because the Content-Security-Policy allows no inline script.
(function () {
  'use strict';

  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  // Every htmx request carries the CSRF token the page was rendered with (GETs need none, but a
  // future POST from htmx must not fail on it).
  document.addEventListener('htmx:configRequest', function (event) {
    var token = meta('_csrf');
    var header = meta('_csrf_header');
    if (token && header) {
      event.detail.headers[header] = token;
    }
  });

  // When the session has ended, a partial request lands on the sign-in page: show it as a whole page
  // instead of pasting it into the middle of another one.
  document.addEventListener('htmx:beforeSwap', function (event) {
    var xhr = event.detail.xhr;
    if (xhr && xhr.responseURL && new URL(xhr.responseURL).pathname === '/login') {
      event.detail.shouldSwap = false;
      window.location.assign(xhr.responseURL);
    }
  });
})();
