// RehabNet portal: the only script of our own. No eval, no inline handlers (CSP script-src 'self').
(function () {
  'use strict';
  function meta(name) {
    var element = document.querySelector('meta[name="' + name + '"]');
    return element ? element.getAttribute('content') : null;
  }

  // CSRF on every htmx request: the token Spring Security rendered into the page.
  document.addEventListener('htmx:configRequest', function (event) {
    var header = meta('_csrf_header');
    var token = meta('_csrf');
    if (header && token) {
      event.detail.headers[header] = token;
    }
  });

  // Idle warning: the server logs off after idle-timeout seconds without a user action; background
  // requests (census poll, SSE) do not count there, so they do not reset the countdown here either.
  var timeout = parseInt(meta('idle-timeout'), 10);
  var warning = parseInt(meta('idle-warning'), 10);
  if (!timeout) {
    return;
  }
  var lastAction = Date.now();
  var box = document.getElementById('idle-warning');
  function userActed() {
    lastAction = Date.now();
    if (box) {
      box.hidden = true;
    }
  }
  document.addEventListener('htmx:afterRequest', function (event) {
    var headers = event.detail.requestConfig && event.detail.requestConfig.headers;
    if (!headers || !headers['X-Rehabnet-Background']) {
      userActed();
    }
  });
  var stay = document.getElementById('stay-signed-in');
  if (stay) {
    stay.addEventListener('click', function () {
      // A user action: any non-background request moves the server's last-action time.
      fetch('/session/keep-alive', { method: 'POST', headers: csrfHeaders(), credentials: 'same-origin' })
        .then(function (response) {
          if (response.ok) { userActed(); } else { window.location.assign('/signed-out?idle'); }
        });
    });
  }
  function csrfHeaders() {
    var headers = {};
    var header = meta('_csrf_header');
    if (header) { headers[header] = meta('_csrf'); }
    return headers;
  }
  setInterval(function () {
    var idle = (Date.now() - lastAction) / 1000;
    if (idle >= timeout) {
      window.location.assign('/session/idle');
    } else if (box && idle >= timeout - warning) {
      box.hidden = false;
    }
  }, 1000);
}());
