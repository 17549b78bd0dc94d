import { describe, expect, it } from 'vitest';
import { readingFor, sigmoid, type ReadingModelFile } from '../source/rubric/reading.js';

const FILE: ReadingModelFile = {
	threshold: 0.9,
	shared: { bias: -1, weights: { send: 0.5, '!send': -2, 'will send': 1, '@group': 0.25 } },
	scenarios: {
		'whatsapp-clinical-image': {
			bias: 0.5,
			weights: { send: 1 },
			flags: { 'shares-clinical-image': { bias: 0.1, weights: { send: 2 } } },
		},
	},
};

describe('the trained reading', () => {
	it('adds a scenario’s own weights to the shared ones, and is absent for a scenario it never saw', () => {
		const reading = readingFor('whatsapp-clinical-image', ['shares-clinical-image', undefined], 'group', FILE)!;
		expect(reading.bias).toBeCloseTo(-0.5);
		expect(reading.weights.get('send')).toBeCloseTo(1.5);
		expect(reading.weights.get('!send')).toBeCloseTo(-2);
		expect(reading.placed).toBeCloseTo(0.25);
		expect(reading.flags.map(flag => flag.index)).toEqual([0]);
		expect(readingFor('a-library-of-its-own', [], undefined, FILE)).toBeUndefined();
	});

	it('ships off: the built-in model names no scenario until one passes the suite', () => {
		expect(readingFor('whatsapp-clinical-image', ['shares-clinical-image'], undefined)).toBeUndefined();
		expect(sigmoid(0)).toBe(0.5);
	});
});
