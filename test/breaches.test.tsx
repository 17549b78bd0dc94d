import { ThemeProvider } from '@inkjs/ui';
import { render } from 'ink-testing-library';
import React from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { transcriptToHtml } from '../source/export/html.js';
import { transcriptToMarkdown } from '../source/export/markdown.js';
import { scoreConversation } from '../source/rubric/score.js';
import { DebriefView } from '../source/ui/debrief/debrief-view.js';
import { postsafeTheme } from '../source/ui/theme.js';
import { playTranscript } from './export-transcripts.js';
import { flat } from './helpers/ink.js';
import { bundledLibrary, rubricFor } from './helpers/library.js';

// The boundary drawn in the first reply is undone by the advice in the second.
const REPLIES = [
	"Sorry Jade, I can't give medical advice on Instagram. Please use the practice's online consultation form.",
	'Actually it looks like eczema, try some hydrocortisone cream.',
];
const ADVICE = 'Individual clinical advice through a personal account';

const mounted: { unmount: () => void }[] = [];
afterEach(() => {
	for (const instance of mounted.splice(0)) instance.unmount();
});

describe('a red flag undoes the criteria it breaches', () => {
	it('the debrief shows the words that met boundaries beside the words that undid it', () => {
		const library = bundledLibrary();
		const scenario = library.scenarios.find(item => item.scenario.id === 'patient-dm-rash')!.scenario;
		const score = scoreConversation(rubricFor('patient-dm-rash'), REPLIES);
		const ui = render(
			<ThemeProvider theme={postsafeTheme}>
				<DebriefView scenario={scenario} score={score} sources={library.criteria.library.sources} width={100} />
			</ThemeProvider>,
		);
		mounted.push(ui);
		const shown = flat(ui.lastFrame() ?? '');
		expect(shown).toMatch(/✗ missed\s+Professional boundaries/);
		expect(shown).toContain("“Sorry Jade, I can't give medical advice on Instagram.” (reply 1)");
		expect(shown).toContain(`⚑ Undone by: ${ADVICE}`);
		expect(shown).toContain('You also wrote “Actually it looks like eczema, try some hydrocortisone cream.” (reply 2), which undoes it.');
	});

	it('the Markdown and HTML exports, and the score JSON they read, keep both lists', () => {
		const { transcript } = playTranscript(REPLIES);
		const boundaries = transcript.score!.criteria.find(criterion => criterion.id === 'boundaries')!;
		expect(boundaries).toMatchObject({ met: false, points: 0, undoneBy: ['individual-advice'] });
		expect(boundaries.evidence).toEqual(["Sorry Jade, I can't give medical advice on Instagram."]);
		expect(boundaries.against).toEqual(['Actually it looks like eczema, try some hydrocortisone cream.']);
		const markdown = transcriptToMarkdown(transcript, { partnerName: 'Jade Holloway' });
		const row = markdown.split('\n').find(line => line.startsWith('| ✗ missed | Professional boundaries'))!;
		expect(row).toContain('met by “Sorry Jade, I can');
		expect(row).toContain(`undone by ⚑ ${ADVICE}: “Actually it looks like eczema, try some hydrocortisone cream.”`);
		const html = transcriptToHtml(transcript, { partnerName: 'Jade Holloway' });
		expect(html).toContain(`<span class="flag">undone by ⚑ ${ADVICE}:</span> “Actually it looks like eczema, try some hydrocortisone cream.”`);
		expect(html).toMatch(/met by “Sorry Jade, I can(&#39;|')t give medical advice on Instagram\.”/);
	});
});
