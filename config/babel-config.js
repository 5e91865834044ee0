/**
 * Babel config shared by the three apps (each app's babel.config.js re-exports it).
 * babel-plugin-import loads NutUI components and their CSS one by one: without it the
 * component styles are missing in the weapp build and the whole library is bundled.
 */
const path = require('node:path');

module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        // The name functions get the raw component name (SearchBar), not search-bar.
        camel2DashComponentName: false,
        customName: path.join(__dirname, 'nutui-import-name.js'),
        customStyleName: path.join(__dirname, 'nutui-import-style.js'),
      },
      'nutui-react-taro',
    ],
    [
      'import',
      {
        libraryName: '@nutui/icons-react-taro',
        camel2DashComponentName: false,
        customName: path.join(__dirname, 'nutui-icon-name.js'),
        style: false,
      },
      'nutui-icons-react-taro',
    ],
  ],
};
