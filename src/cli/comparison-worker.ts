/**
 * Worker thread side of `compareInWorker`: works out the rows it is given of the protection
 * comparison (SPEC T8) for the scenario it is given, posts them back and is done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compareProtections } from '../engine/throughput/compare-protections.ts';
import type { Scenario } from '../model/types.ts';

const { scenario, only } = workerData as { scenario: Scenario; only: string[] };
parentPort!.postMessage(compareProtections(scenario, undefined, only));
