/** Edit worker entry: YAML parsing and printing off the main thread. */
import { expose } from 'comlink';
import { yamlEditApi } from './yaml-edit.api.ts';

expose(yamlEditApi);
