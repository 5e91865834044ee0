// babel-plugin-import `customName` given as a module path (the plugin accepts a path or a
// function), so the Babel options stay plain data. It receives the component name as
// written (SearchBar) because babel-config.js sets camel2DashComponentName: false;
// NutUI's folders are the lower-cased names (InputNumber -> inputnumber).
module.exports = (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`;
