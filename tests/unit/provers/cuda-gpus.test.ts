import { describe, expect, it } from 'vitest';
import { parseNvidiaSmi } from '../../../core/hardware/cuda.js';

describe('parseNvidiaSmi', () => {
  it('reads name, memory (MiB) and driver of each GPU, and nothing from an empty answer', () => {
    const text = 'NVIDIA H100 80GB HBM3, 81559, 550.54.15\nNVIDIA GeForce RTX 4090, [N/A], 545.29.06\n';
    expect(parseNvidiaSmi(text)).toEqual([
      { name: 'NVIDIA H100 80GB HBM3', memoryMb: 81_559, driverVersion: '550.54.15' },
      { name: 'NVIDIA GeForce RTX 4090', memoryMb: null, driverVersion: '545.29.06' },
    ]);
    expect(parseNvidiaSmi('')).toEqual([]);
    expect(parseNvidiaSmi('No devices were found\n')).toEqual([]);
  });
});
