// Pure: does the size report count the files WeChat's compiler packs?
import { isUploaded } from '../size/package-sizes.mjs';

/**
 * Compares the files the size report counts (uploaded types in dist/weapp) with the files in
 * WeChat's compiled result. With `es6` on, WeChat's compiler adds the Babel helpers it needs
 * (`@babel/runtime/helpers/*.js`, a few KB): those show up in `onlyCompiled`.
 * @param {{ path: string, bytes: number }[]} builtFiles every file in dist/weapp
 * @param {{ file: string, bytes: number }[]} compiledFiles getCompiledResult's files
 * @returns {{ sameFiles: boolean, onlyBuilt: string[], onlyCompiled: string[], builtBytes: number, compiledBytes: number }}
 */
export function compareCompiledFiles(builtFiles, compiledFiles) {
  const built = new Map(builtFiles.filter((f) => isUploaded(f.path)).map((f) => [f.path, f.bytes]));
  const compiled = new Map(compiledFiles.map((f) => [f.file, f.bytes]));
  const onlyBuilt = [...built.keys()].filter((path) => !compiled.has(path)).sort();
  const onlyCompiled = [...compiled.keys()].filter((path) => !built.has(path)).sort();
  const sum = (map) => [...map.values()].reduce((total, bytes) => total + bytes, 0);
  return {
    sameFiles: onlyBuilt.length === 0 && onlyCompiled.length === 0,
    onlyBuilt,
    onlyCompiled,
    builtBytes: sum(built),
    compiledBytes: sum(compiled),
  };
}
