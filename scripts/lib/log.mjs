// Colours only when a person is watching: CI logs and files stay plain text.
const useColour = process.stdout.isTTY && !process.env.NO_COLOR;
const paint = (code) => (text) => (useColour ? `\u001b[${code}m${text}\u001b[0m` : String(text));

export const bold = paint('1');
export const dim = paint('2');
export const red = paint('31');
export const green = paint('32');
export const yellow = paint('33');
export const cyan = paint('36');
export const magenta = paint('35');

export function info(message) {
  console.log(`${cyan('›')} ${message}`);
}

export function warn(message) {
  console.warn(`${yellow('!')} ${message}`);
}

export function fail(message) {
  console.error(`${red('✖')} ${message}`);
}

/** 83.2 s / 2 min 05 s, for step timings. */
export function formatDuration(ms) {
  const seconds = ms / 1000;
  if (seconds < 60) return `${seconds.toFixed(1)} s`;
  const minutes = Math.floor(seconds / 60);
  return `${minutes} min ${String(Math.round(seconds - minutes * 60)).padStart(2, '0')} s`;
}
