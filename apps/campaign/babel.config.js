// The shared Babel setup (babel-preset-taro + NutUI on-demand imports) lives in config/.
module.exports = require('../../config/babel-config');
