export { readMt940, type Mt940Options } from './reader.js';
