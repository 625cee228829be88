// The page's service worker: after the first visit the page, its scripts and styles come from the
// cache, and the plan templates from the network when it answers and from the cache when it does
// not, so an officer checks a report offline. Submissions are never cached: the page queues them.
declare const self: ServiceWorkerGlobalScope;
/** The build's list of the page's files, relative to this script, and a hash of their content. */
declare const __PRECACHE__: string[];
declare const __VERSION__: string;

const CACHE = `chitieu-nop-${__VERSION__}`;
const TEMPLATES = "chitieu-nop-templates";
const precached = __PRECACHE__.map((path) => new URL(path, self.location.href).href);
const templatePath = new URL("../api/templates", self.location.href).pathname;

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(precached))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  // An older version's files go once this version's are all in place.
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((key) => key.startsWith("chitieu-nop-") && key !== CACHE && key !== TEMPLATES)
            .map((key) => caches.delete(key)),
        ),
      )
      .then(() => self.clients.claim()),
  );
});

async function cacheFirst(request: Request): Promise<Response> {
  const cached = await caches.match(request, { cacheName: CACHE, ignoreSearch: true });
  return cached ?? fetch(request);
}

async function networkFirst(request: Request): Promise<Response> {
  const cache = await caches.open(TEMPLATES);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(request, response.clone());
    return response;
  } catch (err) {
    const cached = await cache.match(request);
    if (cached) return cached;
    throw err;
  }
}

self.addEventListener("fetch", (event) => {
  const { request } = event;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  const page = new URL(url.pathname, url.origin).href;
  if (precached.includes(page)) event.respondWith(cacheFirst(request));
  else if (url.origin === self.location.origin && url.pathname.startsWith(templatePath))
    event.respondWith(networkFirst(request));
});
