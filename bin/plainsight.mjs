#!/usr/bin/env node
// The `plainsight` bin: runs the TypeScript CLI from a checkout by registering tsx's ESM hooks.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
