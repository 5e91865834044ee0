/**
 * Writes `bundle-stats.json` next to the build: per JS chunk, its files and the modules it
 * carries with their minified-source size, largest first. For finding what pushed a first
 * load over budget (`WM_BUNDLE_STATS=1 node scripts/build-apps.mjs h5 mall`); sizes are
 * before compression, so read them as shares, not as bytes on the wire.
 */
class BundleStatsPlugin {
  apply(compiler) {
    compiler.hooks.emit.tap('BundleStatsPlugin', (compilation) => {
      const { chunkGraph } = compilation;
      const chunks = [];
      for (const chunk of compilation.chunks) {
        const modules = [];
        for (const module of chunkGraph.getChunkModulesIterable(chunk)) {
          const name = module.readableIdentifier(compilation.requestShortener);
          modules.push({ name, size: module.size() });
        }
        modules.sort((a, b) => b.size - a.size);
        chunks.push({
          files: [...chunk.files].filter((file) => file.endsWith('.js')),
          initial: chunk.canBeInitial(),
          size: modules.reduce((sum, m) => sum + m.size, 0),
          modules,
        });
      }
      chunks.sort((a, b) => b.size - a.size);
      const json = JSON.stringify({ chunks }, null, 1);
      compilation.emitAsset('bundle-stats.json', new compiler.webpack.sources.RawSource(json));
    });
  }
}

module.exports = { BundleStatsPlugin };
