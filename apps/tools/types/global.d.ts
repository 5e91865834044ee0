/// <reference types="@tarojs/taro" />
/// <reference path="../../../packages/shared/src/taro/build-constants.d.ts" />

declare module '*.png';
declare module '*.jpg';
declare module '*.svg';
declare module '*.scss';
declare module '*.css';
