// The one error type the release CLI prints as a single line (no stack): a problem the person
// running the release can fix (a missing variable, a bad key, an unbuilt app).

export class ReleaseError extends Error {
  /**
   * @param {string} message one line, naming the variable, file or app to fix
   * @param {{ usage?: boolean }} [options] usage: the command line itself is wrong (print the usage)
   */
  constructor(message, { usage = false } = {}) {
    super(message);
    this.name = 'ReleaseError';
    this.usage = usage;
  }
}
