/** ISO 20022 camt.052 / camt.053 / camt.054 reader (all versions), producing the statement model. */
export { CamtReader, DEFAULT_MAX_BYTES, readCamt, streamCamt, type CamtReaderOptions } from './reader.js';
