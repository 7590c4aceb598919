// WPS add-in deployment files: functions.json (WPS format), manifest.xml, jsplugins.xml, publish.html, offline folder.
'use strict';

const ADDIN_NAME = 'balance';
const NAMESPACE = 'BALANCE';

function escapeXml(text) {
  return String(text)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** Office metadata type + dimensionality → the WPS functions.json type ("number", "any[][]", "bool", "string"). */
function wpsType(type, dimensionality) {
  const base = type === 'boolean' ? 'bool' : type === 'number' || type === 'string' ? type : 'any';
  return dimensionality === 'matrix' ? `${base}[][]` : base;
}

/**
 * WPS's functions.json (the format wpsjs' functionsScanner writes: name, description, parameters with a trailing "?"
 * for optional ones, result type) from the Office functions.json, with the Chinese descriptions of the zh-CN table.
 */
function toWpsFunctions(office, zhTable) {
  return {
    functions: office.functions.map((fn) => {
      const zh = zhTable[fn.id] || {};
      return {
        name: fn.id,
        description: zh.description || fn.description || '',
        parameters: (fn.parameters || []).map((p) => {
          const zp = (zh.parameters || {})[p.name] || {};
          return {
            name: zp.name || p.name,
            description: zp.description || p.description || '',
            type: wpsType(p.type, p.dimensionality) + (p.optional ? '?' : ''),
          };
        }),
        result: { type: wpsType(fn.result && fn.result.type, fn.result && fn.result.dimensionality) },
      };
    }),
  };
}

/** manifest.xml: where functions.json is and the namespace (=BALANCE.COEF(…)). */
function manifestXml() {
  return `<?xml version="1.0" encoding="UTF-8"?>
<JsPlugin>
  <ApiVersion>1.0.0</ApiVersion>
  <Name>${ADDIN_NAME}</Name>
  <Description>均衡评估助手：县域义务教育优质均衡评估</Description>
  <Functions>
    <Uri>/functions.json</Uri>
    <Namespace>${NAMESPACE}</Namespace>
  </Functions>
</JsPlugin>
`;
}

/** jsplugins.xml for an online add-in (oem.ini JSPluginsServer or an OA system passing its URL). */
function jspluginsOnlineXml(addinUrl) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jspluginonline name="${ADDIN_NAME}" type="et" url="${escapeXml(addinUrl)}"/>
</jsplugins>
`;
}

/** jsplugins.xml for an offline add-in: a 7z package at `packageUrl` (WPS unpacks it into jsaddons). */
function jspluginsOfflineXml(packageUrl, version) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${escapeXml(packageUrl)}" version="${escapeXml(version)}"/>
</jsplugins>
`;
}

/** publish.xml of a local folder install: the folder <name>_<version> sits next to it in jsaddons. */
function publishXmlLocal(version) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<jsplugins>
  <jsplugin name="${ADDIN_NAME}" type="et" url="${ADDIN_NAME}_${escapeXml(version)}" version="${escapeXml(version)}" enable="enable_dev" install="null" customDomain=""/>
</jsplugins>
`;
}

/**
 * publish.html: asks the local WPS (its relay at 127.0.0.1:58890) to install the online add-in at `addinUrl`; WPS
 * shows its own trust prompt. Plain ES5 and XMLHttpRequest so any browser the user opens it in can run it.
 */
function publishHtml(addinUrl) {
  const data = JSON.stringify({
    cmd: 'enable',
    name: ADDIN_NAME,
    url: addinUrl,
    addonType: 'et',
    online: 'true',
    version: '',
    customDomain: '',
  });
  return `<!doctype html>
<html lang="zh-CN">
<head><meta charset="UTF-8"><title>安装均衡评估助手（WPS）</title></head>
<body>
<h1>安装均衡评估助手（WPS 表格加载项）</h1>
<p>请先启动 WPS Office，然后点击“安装”。WPS 会询问是否信任此加载项，选择“信任并安装”，再重启 WPS 表格。</p>
<p>加载项地址：<code>${escapeXml(addinUrl)}</code></p>
<button id="install">安装</button> <button id="remove">卸载</button>
<p id="status" role="status"></p>
<script>
  var DATA = ${JSON.stringify(data)};
  function send(cmd) {
    var payload = JSON.parse(DATA);
    payload.cmd = cmd;
    var body = btoa(unescape(encodeURIComponent(JSON.stringify(payload))));
    var xhr = new XMLHttpRequest();
    xhr.open('POST', 'http://127.0.0.1:58890/deployaddons/runParams');
    xhr.timeout = 5000;
    xhr.onload = function () {
      document.getElementById('status').textContent = xhr.status === 200 ? '已提交，请按 WPS 的提示操作并重启 WPS 表格。' : '失败：' + xhr.responseText;
    };
    xhr.onerror = xhr.ontimeout = function () {
      document.getElementById('status').textContent = '连接不到 WPS：请先启动 WPS Office，或请管理员允许本机 58890 端口。';
    };
    xhr.send(body);
  }
  document.getElementById('install').onclick = function () { send('enable'); };
  document.getElementById('remove').onclick = function () { send('disable'); };
</script>
</body>
</html>
`;
}

/** install.bat / install.sh copying the offline folder and publish.xml into the user's jsaddons folder. */
function installScripts(version) {
  const folder = `${ADDIN_NAME}_${version}`;
  return {
    'install.bat': `@echo off\r\nrem 离线安装均衡评估助手（WPS）：复制到 %APPDATA%\\kingsoft\\wps\\jsaddons 后重启 WPS 表格\r\nset DEST=%APPDATA%\\kingsoft\\wps\\jsaddons\r\nif not exist "%DEST%" mkdir "%DEST%"\r\nxcopy /E /I /Y "%~dp0${folder}" "%DEST%\\${folder}"\r\ncopy /Y "%~dp0publish.xml" "%DEST%\\publish.xml"\r\n`,
    'install.sh': `#!/bin/sh\n# 离线安装均衡评估助手（WPS，统信UOS / 麒麟等 Linux）：复制到 ~/.local/share/Kingsoft/wps/jsaddons 后重启 WPS 表格\nset -e\nDEST="$HOME/.local/share/Kingsoft/wps/jsaddons"\nHERE="$(cd "$(dirname "$0")" && pwd)"\nmkdir -p "$DEST"\ncp -R "$HERE/${folder}" "$DEST/"\ncp "$HERE/publish.xml" "$DEST/publish.xml"\n`,
  };
}

module.exports = {
  ADDIN_NAME,
  NAMESPACE,
  toWpsFunctions,
  manifestXml,
  jspluginsOnlineXml,
  jspluginsOfflineXml,
  publishXmlLocal,
  publishHtml,
  installScripts,
};
