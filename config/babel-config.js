/**
 * Babel config shared by the three apps (each app's babel.config.js re-exports it).
 * babel-plugin-import loads NutUI components and their CSS one by one: without it the
 * component styles are missing in the weapp build and the whole library is bundled.
 */
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        // Folder names are the lower-cased component names (InputNumber -> inputnumber).
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        customStyle: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}/style/css`,
      },
      'nutui-react-taro',
    ],
    [
      'import',
      {
        libraryName: '@nutui/icons-react-taro',
        customName: (name) => `@nutui/icons-react-taro/dist/es/icons/${name}`,
        style: false,
      },
      'nutui-icons-react-taro',
    ],
  ],
};
