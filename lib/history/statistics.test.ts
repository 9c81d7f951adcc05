import { describe, expect, it } from 'vitest';
import { healthOf, stageMatrix, summarise, trendPoints } from './statistics';

const b = (number: number, phase: string, durationSeconds: number | null = 10) => ({ number, phase, startedAt: null, durationSeconds });

describe('healthOf', () => {
  it('scores the last five completed builds as Jenkins does', () => {
    expect(healthOf([b(7, 'Running'), b(6, 'Succeeded'), b(5, 'Succeeded'), b(4, 'Failed'), b(3, 'Succeeded'), b(2, 'Succeeded'), b(1, 'Failed')]))
      .toEqual({ score: 80, weather: 'sunny', recent: ['Running', 'Succeeded', 'Succeeded', 'Failed', 'Succeeded'] });
    expect(healthOf([b(2, 'Failed'), b(1, 'Error')]).weather).toBe('storm');
    expect(healthOf([b(3, 'Failed'), b(2, 'Succeeded'), b(1, 'Failed')]).weather).toBe('rain');
    expect(healthOf([b(2, 'Succeeded'), b(1, 'Failed')]).weather).toBe('cloudy');
    expect(healthOf([]).weather).toBe('none');
  });
});

describe('summarise and trendPoints', () => {
  it('counts completed builds only, oldest first for charts', () => {
    const builds = [b(4, 'Running', null), b(3, 'Succeeded', 30), b(2, 'Failed', 10), b(1, 'Succeeded', 20)];
    expect(summarise(builds)).toEqual({ count: 3, successRate: 2 / 3, averageDurationSeconds: 20 });
    expect(trendPoints(builds).map((p) => p.number)).toEqual([1, 2, 3]);
    expect(summarise([])).toEqual({ count: 0, successRate: null, averageDurationSeconds: null });
  });
});

describe('stageMatrix', () => {
  it('puts declared stages first, then new ones, with averages over successful cells', () => {
    const s = (name: string, phase: string, durationSeconds: number | null) => ({ name, phase, startedAt: null, durationSeconds });
    const matrix = stageMatrix(['build', 'test'], [
      { ...b(2, 'Failed'), stages: [s('build', 'Succeeded', 4), s('test', 'Failed', 9), s('lint', 'Succeeded', 1)] },
      { ...b(1, 'Succeeded'), stages: [s('build', 'Succeeded', 2), s('test', 'Succeeded', 5)] },
    ]);
    expect(matrix.stages).toEqual([
      { name: 'build', averageDurationSeconds: 3, successRate: 1 },
      { name: 'test', averageDurationSeconds: 5, successRate: 0.5 },
      { name: 'lint', averageDurationSeconds: 1, successRate: 1 },
    ]);
    expect(matrix.builds[1]?.cells[2]).toBeNull();
    expect(matrix.builds[0]?.cells[1]).toEqual({ phase: 'Failed', startedAt: null, durationSeconds: 9 });
    expect(matrix.builds[0]).not.toHaveProperty('stages');
  });
});
