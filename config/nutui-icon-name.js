// See nutui-import-name.js: one NutUI icon module per import, so unused icons are never bundled.
module.exports = (name) => `@nutui/icons-react-taro/dist/es/icons/${name}`;
