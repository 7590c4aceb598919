// Builds the add-in for one shared runtime: task pane + functions bundles in taskpane.html, metadata (en, zh-CN), manifest, icons.
const fs = require('fs');
const path = require('path');
const { Compilation, WebpackError, sources } = require('webpack');
const HtmlWebpackPlugin = require('html-webpack-plugin');
const CopyWebpackPlugin = require('copy-webpack-plugin');
const CustomFunctionsMetadataPlugin = require('custom-functions-metadata-plugin');
const { buildManifest, resolveBaseUrl } = require('./scripts/manifest');
const { localizeMetadata } = require('./scripts/localizeMetadata');

const FUNCTIONS_ENTRY = './src/functions/functions.ts';
const ZH_CN_TABLE = path.resolve(__dirname, 'src/functions/metadata.zh-CN.json');

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

module.exports = (_env, argv) => {
  const production = argv.mode !== 'development';
  // Validate before compiling so a wrong deployment base stops the build with one clear line, not a stack trace.
  let baseUrl;
  try {
    baseUrl = resolveBaseUrl(process.env.ADDIN_BASE_URL);
  } catch (error) {
    console.error(`[build] ${error.message}`);
    process.exit(1);
  }
  return {
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
    resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: 'ts-loader',
            // Type checking is `tsc --noEmit` (npm test); transpiling alone keeps the build fast on 2 cores.
            options: { transpileOnly: true, compilerOptions: { noEmit: false, sourceMap: !production } },
          },
        },
      ],
    },
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
};
