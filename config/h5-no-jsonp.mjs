/**
 * Stands in for `jsonp-retry` in the H5 builds (aliased in taro-config.js): taro-h5's request
 * imports it for the `jsonp: true` option, which no WeMatrix call uses, and it weighed on
 * every app's first load. A call that asks for JSONP fails loudly instead of going out.
 */
export default function jsonpRetry(url) {
  return Promise.reject(new Error(`JSONP is not bundled in the WeMatrix H5 builds (request to ${url})`));
}
