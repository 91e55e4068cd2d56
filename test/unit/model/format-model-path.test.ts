import { describe, expect, it } from 'vitest';
import { formatModelPath } from '../../../src/model/format-model-path.ts';

describe('formatModelPath', () => {
  it('[§1.2] prints the model path as links[3].between[1]', () => {
    expect(formatModelPath(['links', 3, 'between', 1])).toBe('links[3].between[1]');
  });

  it('prints the empty path (the whole file) as nothing', () => {
    expect(formatModelPath([])).toBe('');
  });

  it('quotes keys that are not plain names, such as layout ids', () => {
    expect(formatModelPath(['layout', 'rack-1/h1', 'x'])).toBe('layout["rack-1/h1"].x');
  });
});
