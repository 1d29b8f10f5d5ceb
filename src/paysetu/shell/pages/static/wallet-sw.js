/* The wallet app's service worker (served as /wallet/sw.js, scope /wallet/).
   It caches the app shell only: the stylesheets, scripts, icons and manifest listed below.
   Pages, balances, history and every API answer are never cached: they go to the network. */
const SHELL = "paysetu-wallet-shell-v1";
const SHELL_FILES = [
  "/static/paysetu.css", "/static/wallet.css", "/static/paysetu.js", "/static/wallet.js",
  "/static/wallet-icon-192.png", "/static/wallet-icon-512.png", "/static/Lohit-Devanagari.ttf",
  "/wallet/manifest.webmanifest",
];
self.addEventListener("install", function (event) {
  event.waitUntil(caches.open(SHELL).then(function (cache) { return cache.addAll(SHELL_FILES); }));
});
self.addEventListener("activate", function (event) {
  event.waitUntil(caches.keys().then(function (names) {
    return Promise.all(names.filter(function (n) { return n !== SHELL; })
      .map(function (n) { return caches.delete(n); }));
  }));
});
self.addEventListener("fetch", function (event) {
  const url = new URL(event.request.url);
  if (event.request.method !== "GET" || url.origin !== self.location.origin
      || SHELL_FILES.indexOf(url.pathname) === -1) {
    return;  /* not the shell: the browser fetches it from the network, nothing is stored */
  }
  event.respondWith(caches.match(event.request).then(function (hit) {
    return hit || fetch(event.request);
  }));
});
