import { summariseProfiles } from '../support/summariseProfiles';

/**
 * `node bench/dist/tools/topFrames.js [dir]`: the top frames of the profiles in a folder (default
 * bench/profiles), with the time each function spends on the stack (inclusive) as well.
 */
summariseProfiles(process.argv[2] ?? `${__dirname}/../../profiles`, true);
