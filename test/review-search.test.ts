import { describe, expect, it } from 'vitest';
import { transcriptSearch } from '../source/review/search.js';
import type { CatalogEntry } from '../source/transcript/catalog.js';

function session(learner: string, scenarioId: string, scenarioTitle: string, startedAt: string): CatalogEntry {
	const id = `${startedAt.slice(0, 10).replaceAll('-', '')}-${scenarioId}-${learner.toLowerCase().replaceAll(' ', '-')}`;
	return {
		kind: 'transcript',
		file: `/t/${id}.json`,
		id,
		startedAt,
		learner,
		scenarioId,
		scenarioTitle,
		mode: 'roleplay',
		score: { points: 4, max: 6 },
		status: 'complete',
		reviewed: false,
	};
}

const entries = [
	session('Asha Patel', 'patient-dm-rash', 'A rash photo in your Instagram DMs', '2026-11-29T21:24:26.000Z'),
	session('Asha Patel', 'ward-selfie-whiteboard', "The registrar's ward selfie", '2026-11-28T10:00:00.000Z'),
	session('Ben Jones', 'patient-dm-rash', 'A rash photo in your Instagram DMs', '2026-10-02T09:00:00.000Z'),
	session('Ben Jones', 'whatsapp-clinical-image', 'A wound photo for the team WhatsApp', '2026-11-01T09:00:00.000Z'),
	session('Chloe', 'patient-friend-request', 'A friend request from a grateful patient', '2026-11-29T08:00:00.000Z'),
];

const found = (query: string) =>
	transcriptSearch(entries)(query).map(entry => (entry.kind === 'transcript' ? `${entry.learner} · ${entry.scenarioId}` : entry.file));

describe('searching the transcripts folder', () => {
	it.each([
		// A word written somewhere matches only where it is written: "ben" is not the "en" of "patient".
		['ben', ['Ben Jones · patient-dm-rash', 'Ben Jones · whatsapp-clinical-image']],
		// "asha" is not "rash" with a letter missing, nor "rash" Asha's name.
		['asha rash', ['Asha Patel · patient-dm-rash']],
		['asha rash 2026-11', ['Asha Patel · patient-dm-rash']],
		['chloe', ['Chloe · patient-friend-request']],
		['2026-10', ['Ben Jones · patient-dm-rash']],
		// A word found nowhere is taken for a typo.
		['ashs selfie', ['Asha Patel · ward-selfie-whiteboard']],
		['whatsap', ['Ben Jones · whatsapp-clinical-image']],
		['okafor', []],
	])('%s', (query, expected) => {
		expect(found(query)).toEqual(expected);
	});
});
