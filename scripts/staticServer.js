// A tiny static file handler for dist/, shared by `npm start` (https) and the browser tests (http).
/* global URL */
'use strict';

const fs = require('fs');
const path = require('path');

const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function contentTypeOf(filePath) {
  return CONTENT_TYPES[path.extname(filePath).toLowerCase()] || 'application/octet-stream';
}

/**
 * Returns a request handler serving files under `root` (GET/HEAD only, '/' → taskpane.html). Paths that escape
 * `root` get 404, never the file. No caching: Office caches add-in files aggressively and a stale bundle during
 * development is a classic time sink.
 */
function createStaticHandler(root, options = {}) {
  const base = path.resolve(root);
  const index = options.index || 'taskpane.html';
  return function handle(request, response) {
    const send = (status, body, headers = {}) => {
      response.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
      response.end(request.method === 'HEAD' ? undefined : body);
    };
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      send(405, 'Method Not Allowed', { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    let pathname;
    try {
      pathname = decodeURIComponent(new URL(request.url || '/', 'http://localhost').pathname);
    } catch {
      send(400, 'Bad Request', { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    const relative = pathname === '/' ? index : pathname.replace(/^\/+/, '');
    const filePath = path.resolve(base, relative);
    if (pathname.includes('\0') || (filePath !== base && !filePath.startsWith(base + path.sep))) {
      send(404, 'Not Found', { 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    fs.stat(filePath, (statError, stats) => {
      if (statError || !stats.isFile()) {
        send(404, 'Not Found', { 'Content-Type': 'text/plain; charset=utf-8' });
        return;
      }
      fs.readFile(filePath, (readError, body) => {
        if (readError) send(500, 'Internal Server Error', { 'Content-Type': 'text/plain; charset=utf-8' });
        else send(200, body, { 'Content-Type': contentTypeOf(filePath), 'Content-Length': body.length });
      });
    });
  };
}

module.exports = { createStaticHandler, contentTypeOf };
