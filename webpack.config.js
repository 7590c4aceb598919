// Builds the Excel add-in (one shared runtime: pane + functions in taskpane.html, metadata en/zh-CN, manifest, icons) and
// the WPS add-in in dist/wps (ribbon.xml, entry and pane pages, functions.json, manifest.xml, deployment files), and
// the web version in dist/web (index.html + one classic script: opens from file:// and asks nothing of the network).
const fs = require('fs');
const path = require('path');
const { Compilation, WebpackError, sources } = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { buildManifest, resolveBaseUrl } = require('./scripts/manifest');
const { localizeMetadata } = require('./scripts/localizeMetadata');
const wps = require('./scripts/wps');
const { folderEntries, sevenZip } = require('./scripts/sevenZip');
const { version } = require('./package.json');

const FUNCTIONS_ENTRY = './src/functions/functions.ts';
const ZH_CN_TABLE = path.resolve(__dirname, 'src/functions/metadata.zh-CN.json');

/**
 * How every build reads our TypeScript: ts-loader transpiling only (type checking is `tsc --noEmit` in `npm test`, so
 * the build stays fast on 2 cores), with each build's target and source maps.
 */
function typeScript(compilerOptions) {
  return {
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            options: { transpileOnly: true, compilerOptions: { noEmit: false, ...compilerOptions } },
          },
        },
      ],
    },
  };
}

/** Writes functions-zh-cn.json from the generated functions.json and the Chinese translation table. */
class LocalizedMetadataPlugin {
  constructor({ source, table, output }) {
    this.source = source;
    this.table = table;
    this.output = output;
  }

  apply(compiler) {
    const name = 'LocalizedMetadataPlugin';
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          compilation.fileDependencies.add(this.table);
          const fail = (message) => compilation.errors.push(new WebpackError(`${this.output}: ${message}`));
          const asset = compilation.getAsset(this.source);
          if (!asset) {
            // The metadata plugin has already reported why it produced nothing.
            if (compilation.errors.length === 0) fail(`${this.source} was not generated`);
            return;
          }
          let table;
          try {
            table = JSON.parse(fs.readFileSync(this.table, 'utf8'));
          } catch (error) {
            fail(`cannot read ${path.relative(__dirname, this.table)}: ${error.message}`);
            return;
          }
          const metadata = JSON.parse(asset.source.source().toString());
          const result = localizeMetadata(metadata, table, path.relative(__dirname, this.table));
          if (result.errors.length > 0) {
            result.errors.forEach(fail);
            return;
          }
          compilation.emitAsset(this.output, new sources.RawSource(JSON.stringify(result.metadata, null, 4)));
        },
      );
    });
  }
}

module.exports = (env, argv) => {
  const production = argv.mode !== 'development';
  // `npm run build:web` (webpack --env web): the web version alone, for working on it (dist/ is left as it is).
  if (env && env.web) return webConfig(production, []);
  // Validate before compiling so a wrong deployment base stops the build with one clear line, not a stack trace.
  let baseUrl;
  try {
    baseUrl = resolveBaseUrl(process.env.ADDIN_BASE_URL);
  } catch (error) {
    console.error(`[build] ${error.message}`);
    process.exit(1);
  }
  const office = {
    name: 'office',
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    entry: {
      taskpane: './src/taskpane/index.tsx',
      functions: FUNCTIONS_ENTRY,
    },
    output: {
      path: path.resolve(__dirname, 'dist'),
      // Stable names: the manifest points at functions.js; taskpane.html gets ?hash query strings instead.
      filename: '[name].js',
      publicPath: '',
      clean: true,
    },
    ...typeScript({ sourceMap: !production }),
    performance: { hints: false },
    stats: 'errors-warnings',
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: 'functions.json', input: FUNCTIONS_ENTRY }),
      new LocalizedMetadataPlugin({
        source: 'functions.json',
        table: ZH_CN_TABLE,
        output: 'functions-zh-cn.json',
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/taskpane/taskpane.html',
        // Shared runtime: the one page loads the pane and registers the functions (no functions.html).
        chunks: ['taskpane', 'functions'],
        chunksSortMode: 'manual',
        hash: true,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
          {
            from: 'manifest.xml',
            to: 'manifest.xml',
            transform: (content) => buildManifest(content.toString('utf8'), baseUrl),
          },
        ],
      }),
    ],
  };
  return [office, wpsConfig(production, baseUrl), webConfig(production, ['office'])];
};

/** Emits WPS's functions.json (from the Office metadata and the Chinese table), manifest.xml and deployment files. */
class WpsAddinFilesPlugin {
  constructor({ baseUrl }) {
    this.baseUrl = baseUrl;
  }

  apply(compiler) {
    const name = 'WpsAddinFilesPlugin';
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const emit = (file, text) => compilation.emitAsset(file, new sources.RawSource(text));
          // The Office build (a dependency of this one) has just written dist/functions.json.
          const officeJson = path.resolve(compilation.outputOptions.path, '..', 'functions.json');
          if (!fs.existsSync(officeJson)) {
            compilation.errors.push(
              new WebpackError('wps: dist/functions.json was not generated by the Office build'),
            );
            return;
          }
          compilation.fileDependencies.add(ZH_CN_TABLE);
          const office = JSON.parse(fs.readFileSync(officeJson, 'utf8'));
          const table = JSON.parse(fs.readFileSync(ZH_CN_TABLE, 'utf8'));
          emit('functions.json', JSON.stringify(wps.toWpsFunctions(office, table), null, 2));
          emit('manifest.xml', wps.manifestXml());
          const addinUrl = `${this.baseUrl}wps/`;
          emit('jsplugins.xml', wps.jspluginsOnlineXml(addinUrl));
          emit('publish.html', wps.publishHtml(addinUrl));
        },
      );
    });
    // The offline folder: a copy of the add-in as WPS keeps it in jsaddons, plus publish.xml, install scripts and
    // the same folder as a 7z package.
    compiler.hooks.afterEmit.tap(name, (compilation) => {
      const out = compilation.outputOptions.path;
      const offline = path.resolve(out, '..', 'wps-offline');
      const folder = path.join(offline, `${wps.ADDIN_NAME}_${version}`);
      fs.rmSync(offline, { recursive: true, force: true });
      fs.mkdirSync(folder, { recursive: true });
      fs.cpSync(out, folder, { recursive: true });
      fs.writeFileSync(path.join(offline, 'publish.xml'), wps.publishXmlLocal(version));
      const packageUrl = `${this.baseUrl}wps-offline/${wps.ADDIN_NAME}.7z`;
      fs.writeFileSync(path.join(offline, 'jsplugins.xml'), wps.jspluginsOfflineXml(packageUrl, version));
      for (const [file, text] of Object.entries(wps.installScripts(version)))
        fs.writeFileSync(path.join(offline, file), text, { mode: 0o755 });
      // The 7z package jsplugins.xml names: the one folder <name>_<version>, as wpsjs packs it.
      const archive = sevenZip(folderEntries(folder, path.basename(folder)));
      fs.writeFileSync(path.join(offline, `${wps.ADDIN_NAME}.7z`), archive);
    });
  }
}

/**
 * The WPS add-in. Built after the Excel one (its `clean` empties dist), transpiled to ES2017 because some WPS builds
 * embed an old Chromium; the pane is the same App with the WPS host.
 */
function wpsConfig(production, baseUrl) {
  return {
    name: 'wps',
    dependencies: ['office'],
    mode: production ? 'production' : 'development',
    devtool: production ? false : 'source-map',
    target: ['web', 'es2017'],
    entry: { main: './src/wps/main.ts', taskpane: './src/wps/taskpane.tsx' },
    output: { path: path.resolve(__dirname, 'dist/wps'), filename: '[name].js', publicPath: '', clean: true },
    ...typeScript({ target: 'ES2017', sourceMap: !production }),
    performance: { hints: false },
    stats: 'errors-warnings',
    plugins: [
      // Not CustomFunctionsMetadataPlugin here: it appends CustomFunctions.associate(...) calls, and WPS has no
      // CustomFunctions global, so the entry script would stop before defining the ribbon callbacks.
      new WpsAddinFilesPlugin({ baseUrl }),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/wps/index.html',
        chunks: ['main'],
        hash: true,
      }),
      new HtmlWebpackPlugin({
        filename: 'taskpane.html',
        template: './src/wps/taskpane.html',
        chunks: ['taskpane'],
        hash: true,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: 'src/wps/ribbon.xml', to: 'ribbon.xml' },
          { from: 'assets/icon-*.png', to: 'assets/[name][ext]' },
        ],
      }),
    ],
  };
}

/**
 * Transpiles the emitted scripts down to `target` before minifying: our own code is transpiled by ts-loader, but
 * dependencies ship newer syntax (Fluent's focus library uses `??=`, Chromium 85+). TypeScript does it (allowJs),
 * keeping class-field semantics (useDefineForClassFields).
 */
class DownlevelPlugin {
  constructor(target) {
    this.target = target;
  }

  apply(compiler) {
    const name = 'DownlevelPlugin';
    compiler.hooks.thisCompilation.tap(name, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_COMPATIBILITY },
        (assets) => {
          const ts = require('typescript');
          for (const file of Object.keys(assets).filter((f) => f.endsWith('.js'))) {
            const out = ts.transpileModule(assets[file].source().toString(), {
              fileName: file,
              reportDiagnostics: false,
              compilerOptions: {
                target: ts.ScriptTarget[this.target],
                module: ts.ModuleKind.None,
                allowJs: true,
                alwaysStrict: false,
                useDefineForClassFields: true,
                removeComments: false,
              },
            });
            compilation.updateAsset(file, new sources.RawSource(out.outputText));
          }
        },
      );
    });
  }
}

/**
 * The web version: the same App over the in-memory .xlsx host, for any browser, opened from disk or a static server.
 * One classic (non-module) script and no chunks, since file:// refuses module scripts and fetches of local files;
 * transpiled to ES2019 for Chromium 80 (UOS/Kylin browsers, 360/QQ, WPS's CEF) and Firefox ESR.
 */
function webConfig(production, dependencies) {
  return {
    name: 'web',
    // After the Excel build, whose `clean` empties dist/.
    dependencies,
    mode: production ? 'production' : 'development',
    devtool: false,
    target: ['web', 'es2019'],
    entry: { web: './src/web/main.tsx' },
    output: { path: path.resolve(__dirname, 'dist/web'), filename: '[name].js', publicPath: '', clean: true },
    ...typeScript({ target: 'ES2019', sourceMap: false }),
    optimization: { splitChunks: false, runtimeChunk: false },
    performance: { hints: false },
    stats: 'errors-warnings',
    plugins: [
      new DownlevelPlugin('ES2019'),
      new HtmlWebpackPlugin({
        filename: 'index.html',
        template: './src/web/index.html',
        chunks: ['web'],
        // A classic script at the end of <body>: file:// blocks type="module" scripts, not classic ones.
        scriptLoading: 'blocking',
        inject: 'body',
        hash: true,
      }),
      new CopyWebpackPlugin({ patterns: [{ from: 'assets/icon-32.png', to: 'icon-32.png' }] }),
    ],
  };
}
