/* The wallet app: registers the service worker that caches the app shell (styles, scripts,
   icons) so the app starts offline; pages and balances always come from the network. */
if ("serviceWorker" in navigator) {
  navigator.serviceWorker.register("/wallet/sw.js", { scope: "/wallet/" }).catch(function () {});
}
