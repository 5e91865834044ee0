/** The API's only way to read time, injected so tests can move it (see ARCHITECTURE.md "Time"). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();
