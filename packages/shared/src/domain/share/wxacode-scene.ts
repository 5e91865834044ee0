import { z } from 'zod';

/**
 * WeChat's `scene` for getwxacodeunlimit (小程序码): at most 32 visible characters of
 * `0-9 A-Z a-z ! # $ & ' ( ) * + , / : ; = ? @ - . _ ~`. Anything longer or outside the set is
 * refused by WeChat (errcode 40169), so the API stores the share and puts a short id here.
 */
export const WXACODE_SCENE_MAX_LENGTH = 32;
export const WXACODE_SCENE_PATTERN = /^[0-9A-Za-z!#$&'()*+,/:;=?@\-._~]{1,32}$/;

/** `isWxacodeScene('k7Qm2xZp9A0bC3dE')` -> true; `isWxacodeScene('a b')` -> false. */
export function isWxacodeScene(value: string): boolean {
  return WXACODE_SCENE_PATTERN.test(value);
}

export const wxacodeSceneSchema = z
  .string()
  .regex(WXACODE_SCENE_PATTERN, "WeChat scene: 1-32 of 0-9A-Za-z!#$&'()*+,/:;=?@-._~");

/** Length of the scene ids the API makes: 16 of 62 letters and digits, about 95 bits. */
export const SHARE_SCENE_ID_LENGTH = 16;
const SCENE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * A scene id from random bytes (the caller passes crypto randomness; tests pass fixed bytes).
 * Bytes >= 248 are skipped so every letter is equally likely (248 = 4 × 62); the caller gives
 * enough bytes (32 is plenty for 16 characters; too few throws).
 */
export function sceneIdFromBytes(bytes: Uint8Array): string {
  let id = '';
  for (const byte of bytes) {
    if (byte >= 248) continue;
    id += SCENE_ALPHABET[byte % 62];
    if (id.length === SHARE_SCENE_ID_LENGTH) return id;
  }
  throw new Error('sceneIdFromBytes: not enough random bytes');
}
