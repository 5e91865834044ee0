// See nutui-import-name.js: the CSS of each NutUI component, loaded with the component.
module.exports = (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`;
