// `npm start`: builds the add-in, serves dist/ over https on port 3000, and prints how to sideload it into Excel; serves
// the web version (dist/web) over plain http on port 3001 beside it (it needs no certificate, nor even a server).
// Options: --no-build (serve the existing dist/), --dev (development build with source maps).
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const requireCjs = createRequire(import.meta.url);
const { createStaticHandler } = requireCjs('./staticServer.js');
const { DEV_BASE_URL, resolveBaseUrl } = requireCjs('./manifest.js');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
const certDir = path.join(root, '.certs');
const PORT = 3000;
const WEB_PORT = 3001;
const WEB_URL = `http://localhost:${WEB_PORT}/`;
const options = new Set(process.argv.slice(2));

function firstLine(error) {
  return String(error && error.message ? error.message : error).split('\n')[0];
}

function build() {
  if (options.has('--no-build')) return;
  const mode = options.has('--dev') ? 'development' : 'production';
  console.log(`[start] 构建加载项 / building the add-in (webpack --mode ${mode}) …`);
  const result = spawnSync(process.execPath, [requireCjs.resolve('webpack-cli/bin/cli.js'), '--mode', mode], {
    cwd: root,
    stdio: 'inherit',
  });
  if (result.status !== 0) process.exit(result.status ?? 1);
  if (!fs.existsSync(path.join(dist, 'taskpane.html'))) {
    console.error('[start] dist/taskpane.html 不存在 / is missing after the build');
    process.exit(1);
  }
}

/** The Office tooling's way: a development CA installed in the system store, trusted by Office and browsers. */
async function officeDevCertificates() {
  try {
    const devCerts = requireCjs('office-addin-dev-certs');
    const { key, cert, ca } = await devCerts.getHttpsServerOptions();
    console.log(
      '[start] 使用 office-addin-dev-certs 的开发证书 / using the office-addin-dev-certs development certificate',
    );
    return { key, cert, ca };
  } catch (error) {
    console.warn(
      `[start] office-addin-dev-certs 无法安装开发证书 / could not install its development CA: ${firstLine(error)}`,
    );
    return null;
  }
}

function hasOpenssl() {
  try {
    execFileSync('openssl', ['version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

/** Fallback: a self-signed localhost certificate in .certs/ (reused while valid for at least another day). */
function opensslCertificate() {
  if (!hasOpenssl()) return null;
  const keyFile = path.join(certDir, 'localhost.key');
  const certFile = path.join(certDir, 'localhost.crt');
  let reuse = fs.existsSync(keyFile) && fs.existsSync(certFile);
  if (reuse) {
    try {
      execFileSync('openssl', ['x509', '-checkend', '86400', '-noout', '-in', certFile], { stdio: 'ignore' });
    } catch {
      reuse = false;
    }
  }
  if (!reuse) {
    fs.mkdirSync(certDir, { recursive: true });
    // Generated with the CLI rather than a library: openssl is on most machines and needs no new dependency.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-sha256',
        '-days',
        '30',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost,IP:127.0.0.1',
        '-keyout',
        keyFile,
        '-out',
        certFile,
      ],
      { stdio: 'ignore' },
    );
  }
  const shown = path.relative(process.cwd(), certFile) || certFile;
  console.log(
    `[start] 使用 openssl 自签名证书 / using a self-signed certificate made with openssl: ${shown}`,
  );
  console.log(
    [
      '  浏览器和 Office 必须信任它，否则加载项无法加载 / the browser and Office must trust it, or the add-in will not load:',
      `  - Windows: certutil -addstore -user Root ${shown}`,
      `  - macOS:   security add-trusted-cert -r trustRoot -k ~/Library/Keychains/login.keychain-db ${shown}`,
      `  - Linux:   sudo cp ${shown} /usr/local/share/ca-certificates/balance-localhost.crt && sudo update-ca-certificates`,
      `  - Excel 网页版 / on the web: 先在同一浏览器打开 ${DEV_BASE_URL} 并接受证书 / open ${DEV_BASE_URL} in the same browser once and accept the certificate`,
    ].join('\n'),
  );
  return { key: fs.readFileSync(keyFile), cert: fs.readFileSync(certFile) };
}

function noCertificate() {
  console.error(
    [
      '[start] 无法获得 https 证书 / no https certificate is available.',
      '  Office 只加载 https 地址的加载项。任选一种办法 / Office loads add-ins only over https. Either:',
      '  1. 以管理员身份运行 npx office-addin-dev-certs install 后重试 / run `npx office-addin-dev-certs install` with admin rights, then retry;',
      '  2. 安装 openssl 后重试 / install openssl, then retry;',
      '  3. 把 dist/ 部署到任一 https 服务器 / deploy dist/ to any https server:',
      '     ADDIN_BASE_URL=https://服务器/路径/ npm run build  （then upload dist/ and sideload dist/manifest.xml）',
    ].join('\n'),
  );
  process.exit(1);
}

function printSideloadSteps(url) {
  const manifest = path.relative(process.cwd(), path.join(dist, 'manifest.xml')) || 'dist/manifest.xml';
  console.log(
    [
      '',
      `均衡评估助手已在 ${url} 运行（Ctrl+C 停止）/ Balance is served at ${url} (Ctrl+C to stop)`,
      `网页版（不需要 Excel）/ web version (no Excel needed): ${WEB_URL}`,
      `  也可以直接用浏览器打开 / or open straight from disk: ${path.relative(process.cwd(), path.join(dist, 'web', 'index.html')) || 'dist/web/index.html'}`,
      '',
      `旁加载清单 / sideload the manifest: ${manifest}`,
      '  • Excel 网页版 / Excel on the web: 打开工作簿 → 插入 → 加载项 → 上传我的加载项 → 选择上面的 manifest.xml → 上传',
      '      (Insert → Add-ins → Upload My Add-in → choose the manifest above → Upload)',
      '  • Excel for Windows / Mac: 在另一个终端运行 / in another terminal run',
      '      npx office-addin-debugging start manifest.xml desktop',
      '    （office-addin-debugging 不是本项目的依赖，npx 会临时获取 / not a dependency of this project; npx fetches it）',
      '    结束后 / afterwards: npx office-addin-debugging stop manifest.xml',
      '  • 然后在“开始”选项卡单击“均衡评估”；在单元格输入 =BALANCE.DIFFRATE(A1:A10) 试用函数',
      '    (then select Balance on the Home tab; try =BALANCE.DIFFRATE(A1:A10) in a cell)',
      '',
    ].join('\n'),
  );
}

/** The web version over plain http: it asks nothing of the network, so any address and no certificate will do. */
function serveWeb() {
  const web = http.createServer(createStaticHandler(path.join(dist, 'web'), { index: 'index.html' }));
  web.on('error', (error) => {
    // The add-in is still served: the web version can also be opened from disk.
    console.warn(`[start] 网页版未能启动 / the web version is not served (port ${WEB_PORT}): ${firstLine(error)}`);
  });
  web.listen(WEB_PORT);
}

async function main() {
  const base = resolveBaseUrl(process.env.ADDIN_BASE_URL);
  if (base !== DEV_BASE_URL) {
    console.warn(
      `[start] 注意 / note: ADDIN_BASE_URL=${base}, so dist/manifest.xml points there, not at this server`,
    );
  }
  build();
  serveWeb();
  const credentials = (await officeDevCertificates()) || opensslCertificate() || noCertificate();
  const server = https.createServer(credentials, createStaticHandler(dist));
  server.on('error', (error) => {
    if (error.code === 'EADDRINUSE') {
      console.error(
        `[start] 端口 ${PORT} 已被占用 / port ${PORT} is in use: 先停止占用它的程序 / stop whatever uses it first`,
      );
    } else {
      console.error(`[start] ${firstLine(error)}`);
    }
    process.exit(1);
  });
  server.listen(PORT, () => printSideloadSteps(DEV_BASE_URL));
}

main().catch((error) => {
  console.error(`[start] ${firstLine(error)}`);
  process.exit(1);
});
