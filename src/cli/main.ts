#!/usr/bin/env node
// The `mentormatch` command. Reserved: the CLI lands in a later issue.
console.error("mentormatch: the command-line interface is not available yet; use the library API.");
process.exitCode = 1;
