// babel-plugin-import `customName` as a module path: Taro runs Babel in worker threads,
// where function options from babel.config.js do not survive, but a path does.
// NutUI folders are the lower-cased component names (InputNumber -> inputnumber).
module.exports = (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`;
