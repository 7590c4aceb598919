// The static server shared by `npm start` and the browser tests: serves files under its root and nothing else.
import fs from 'fs';
import os from 'os';
import path from 'path';
import http from 'http';
import { contentTypeOf } from '../../scripts/staticServer';
import { startStaticServer, type StaticServer } from './server';

let root: string;
let server: StaticServer;

function get(url: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode ?? 0, type: String(response.headers['content-type']), body }),
      );
    });
    request.on('error', reject);
    request.end();
  });
}

beforeAll(async () => {
  const parent = fs.mkdtempSync(path.join(os.tmpdir(), 'balance-static-'));
  root = path.join(parent, 'dist');
  fs.mkdirSync(path.join(root, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(root, 'taskpane.html'), '<p>均衡</p>');
  fs.writeFileSync(path.join(root, 'functions.json'), '{"functions":[]}');
  fs.writeFileSync(path.join(parent, 'secret.txt'), 'outside the root');
  server = await startStaticServer(root);
});

afterAll(async () => {
  await server.close();
  fs.rmSync(path.dirname(root), { recursive: true, force: true });
});

test('serves files with their content type; / is taskpane.html', async () => {
  await expect(get(`${server.url}functions.json`)).resolves.toMatchObject({
    status: 200,
    type: 'application/json; charset=utf-8',
    body: '{"functions":[]}',
  });
  await expect(get(server.url)).resolves.toMatchObject({
    status: 200,
    type: 'text/html; charset=utf-8',
    body: '<p>均衡</p>',
  });
});

test('missing files, folders and paths escaping the root are 404', async () => {
  for (const url of [
    'nothing.js',
    'assets',
    '..%2Fsecret.txt',
    '%2e%2e/secret.txt',
    'assets/..%2F..%2Fsecret.txt',
  ]) {
    await expect(get(`${server.url}${url}`)).resolves.toMatchObject({ status: 404 });
  }
});

test('only GET and HEAD are allowed', async () => {
  await expect(get(`${server.url}taskpane.html`, 'HEAD')).resolves.toMatchObject({ status: 200, body: '' });
  await expect(get(`${server.url}taskpane.html`, 'POST')).resolves.toMatchObject({ status: 405 });
});

test('content types Office needs: js, json, xml, png', () => {
  expect(contentTypeOf('functions.js')).toBe('text/javascript; charset=utf-8');
  expect(contentTypeOf('manifest.xml')).toBe('application/xml; charset=utf-8');
  expect(contentTypeOf('assets/icon-32.PNG')).toBe('image/png');
  expect(contentTypeOf('unknown.bin')).toBe('application/octet-stream');
});
