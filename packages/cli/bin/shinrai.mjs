#!/usr/bin/env node
// Runs the TypeScript CLI directly (no build step): tsx registers its loader, then main.ts runs.
import { register } from 'tsx/esm/api';

register();
// sbom and artifact commands load only what a build pipeline needs (no HTTP server): fast start-up.
const command = process.argv[2];
await import(command === 'sbom' || command === 'artifact' ? '../src/software-cli.ts' : '../src/main.ts');
