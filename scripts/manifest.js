// Production manifest generation: rewrites the development base URL of manifest.xml to ADDIN_BASE_URL.
/* global URL */
'use strict';

/** The base every URL of the source manifest.xml starts with (what `npm start` serves). */
const DEV_BASE_URL = 'https://localhost:3000/';

function escapeXml(text) {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/**
 * Validates ADDIN_BASE_URL: Office loads add-ins only over https, and the base is glued to relative paths
 * (taskpane.html, assets/icon-32.png), so it must end with '/'. Undefined or empty means the development base.
 * Throws with a bilingual message because a wrong base is a deployment mistake that must stop the build.
 */
function resolveBaseUrl(value) {
  const base = value === undefined || value.trim() === '' ? DEV_BASE_URL : value.trim();
  let url;
  try {
    url = new URL(base);
  } catch {
    throw new Error(`ADDIN_BASE_URL 不是有效的网址 / is not a valid URL: "${base}"`);
  }
  if (url.protocol !== 'https:') {
    throw new Error(
      `ADDIN_BASE_URL 必须以 https:// 开头（Office 只加载 https 地址的加载项）/ must use https (Office loads add-ins only over https): "${base}"`,
    );
  }
  if (!base.endsWith('/')) {
    throw new Error(`ADDIN_BASE_URL 必须以 / 结尾 / must end with '/': "${base}" → "${base}/"`);
  }
  if (url.search !== '' || url.hash !== '') {
    throw new Error(`ADDIN_BASE_URL 不能包含 ? 或 # / must not contain a query or fragment: "${base}"`);
  }
  return base;
}

/** Returns the manifest with every URL's development base replaced by `baseUrl` (validated first). */
function buildManifest(xml, baseUrl) {
  const base = resolveBaseUrl(baseUrl);
  if (!xml.includes(DEV_BASE_URL)) {
    throw new Error(`manifest.xml contains no URL starting with ${DEV_BASE_URL}; nothing to rewrite`);
  }
  return xml.split(DEV_BASE_URL).join(escapeXml(base));
}

module.exports = { DEV_BASE_URL, resolveBaseUrl, buildManifest };
