const fs = require("fs");
const os = require("os");
const path = require("path");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");

// Where the add-in is served. Change AIBUDGET_URL for a real deployment; the manifest's URLs follow it.
const devUrl = "https://localhost:3000/";
const prodUrl = process.env.AIBUDGET_URL || devUrl;
// The store requires office.js from Microsoft's CDN in production; development uses the npm copy, so nothing
// needs the network here.
const officeJsCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * office-addin-dev-certs cannot trust its CA without sudo on Linux and then fails getHttpsServerOptions(), so
 * the dev server reads the files it generated directly (see README, "Development").
 */
function devCertificates() {
  const dir = path.join(os.homedir(), ".office-addin-dev-certs");
  const files = { ca: "ca.crt", cert: "localhost.crt", key: "localhost.key" };
  const missing = Object.values(files).filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    throw new Error(`No dev certificates in ${dir}: run "npx office-addin-dev-certs install" first.`);
  }
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

/** The help links in functions.json name the dev host too; a deployment must point them at its own. */
class RewriteHostPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("RewriteHostPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "RewriteHostPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const text = asset.source.source().toString().replaceAll(devUrl, prodUrl);
          compilation.updateAsset("functions.json", new compiler.webpack.sources.RawSource(text));
        },
      );
    });
  }
}

/**
 * Excel hands an error cell (#N/A in an input range) to a custom function only where functions.json says
 * `"allowErrorForDataTypeAny": true`, a top-level property that custom-functions-metadata never writes
 * (custom-functions-errors.md, "Errors as custom function inputs"). It applies to parameters of type `any`, so a
 * parameter of any other type is a problem: its errors would never reach the function.
 */
function allowErrors(metadataJson) {
  const metadata = JSON.parse(metadataJson);
  const problems = metadata.functions.flatMap((f) =>
    f.parameters
      .filter((p) => p.type !== "any")
      .map(
        (p) =>
          `${f.id}'s parameter ${p.name} is of type ${p.type}: declare it any (or any[][]) so that errors in its ` +
          "cells reach the function",
      ),
  );
  return { text: JSON.stringify({ allowErrorForDataTypeAny: true, ...metadata }, null, 4), problems };
}

/** Applies allowErrors to the generated functions.json; its problems fail the build. */
class AllowErrorsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("AllowErrorsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "AllowErrorsPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONS },
        () => {
          const asset = compilation.getAsset("functions.json");
          if (!asset) return;
          const { text, problems } = allowErrors(asset.source.source().toString());
          for (const problem of problems) compilation.errors.push(new compiler.webpack.WebpackError(problem));
          compilation.updateAsset("functions.json", new compiler.webpack.sources.RawSource(text));
        },
      );
    });
  }
}

module.exports = (env, options) => {
  const dev = options.mode === "development";
  // `--env functionsOnly`: just the functions and their metadata, into build/functions (bench and test iterations).
  if (env.functionsOnly) {
    return {
      devtool: false,
      entry: { functions: "./src/functions/functions.ts" },
      output: { path: path.resolve(__dirname, "build/functions"), filename: "[name].js", clean: true },
      resolve: { extensions: [".ts", ".js"] },
      module: {
        rules: [
          {
            test: /\.ts$/,
            exclude: /node_modules/,
            use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true, transpileOnly: true } },
          },
        ],
      },
      performance: { hints: false },
      plugins: [
        new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
        new AllowErrorsPlugin(),
      ],
    };
  }
  return {
    devtool: dev ? "eval-source-map" : "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      taskpane: "./src/taskpane/index.tsx",
      playground: "./src/playground/index.tsx",
      // The playground's workbook runs in a worker of its own (src/playground/workbookWorker.ts); no page loads it.
      "workbook-worker": "./src/playground/workbookWorker.ts",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "chunks/[name].[contenthash:8].js",
      clean: true,
    },
    resolve: { extensions: [".ts", ".tsx", ".js"] },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: { loader: "ts-loader", options: { onlyCompileBundledFiles: true, transpileOnly: true } },
        },
        { test: /\.csv$/, type: "asset/source" },
        { test: /\.(png|jpg|jpeg|gif|ico)$/, type: "asset/resource" },
      ],
    },
    performance: { hints: false },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: "./src/functions/functions.ts" }),
      new AllowErrorsPlugin(),
      ...(dev || prodUrl === devUrl ? [] : [new RewriteHostPlugin()]),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        // The shared runtime loads this one page for the pane and the functions alike.
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
        templateParameters: { officeJs: dev ? "office/office.js" : officeJsCdn },
      }),
      new HtmlWebpackPlugin({
        filename: "playground.html",
        template: "./src/playground/playground.html",
        chunks: ["playground"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          { from: "src/functions/help.html", to: "help.html" },
          { from: "examples/sample-budget.xlsx", to: "examples/sample-budget.xlsx", noErrorOnMissing: true },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : content.toString().replaceAll(devUrl, prodUrl)),
          },
          ...(dev ? [{ from: "node_modules/@microsoft/office-js/dist", to: "office" }] : []),
        ],
      }),
    ],
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      port: 3000,
      headers: { "Access-Control-Allow-Origin": "*" },
      server: env.WEBPACK_SERVE ? { type: "https", options: devCertificates() } : undefined,
    },
  };
};

// For test/functions/allowErrors.test.ts.
module.exports.allowErrors = allowErrors;
