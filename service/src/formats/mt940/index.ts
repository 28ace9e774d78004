export { readMt940, type Mt940Options } from './reader.js';
export { Mt940StreamReader, streamMt940, type Mt940StreamOptions } from './stream.js';
