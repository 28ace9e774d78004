#!/usr/bin/env node
import { buildProgram } from './program.js';
import { reportCliError } from './output.js';

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    process.exitCode = reportCliError(error);
  });
