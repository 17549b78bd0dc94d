import { describe, expect, it } from 'vitest';
import { scoreConversation } from '../source/rubric/score.js';
import { bundledLibrary, rubricFor } from './helpers/library.js';

const scenarios = bundledLibrary().scenarios.map(item => item.scenario);
const withRequests = scenarios.filter(scenario => scenario.rubric.requests.length > 0);

describe('what the other party asked', () => {
	it('every role-play declares what its other party asks for', () => {
		expect(scenarios.filter(scenario => scenario.mode === 'roleplay' && scenario.rubric.requests.length === 0).map(scenario => scenario.id)).toEqual([]);
	});

	describe.each(withRequests.map(scenario => [scenario.id, scenario] as const))('%s', (id, scenario) => {
		const flags = scenario.rubric.requests.map(request => request.agreeing);
		it.each(['sure', 'on it', 'accepted', 'Yes please!', 'go for it', 'will do', 'ok sending now', 'yesss 👍', 'Sure thing, happy to x'])(
			'"%s" raises what agreeing raises',
			reply => {
				const raised = scoreConversation(rubricFor(id), [reply]).redFlags.map(flag => flag.id);
				expect(raised).toEqual(expect.arrayContaining([...new Set(flags)]));
			},
		);

		it('a yes that goes on to refuse, or to point somewhere safe, raises nothing', () => {
			expect(scoreConversation(rubricFor(id), ["Sure, I understand, but I can't do that on here."]).redFlags).toEqual([]);
		});

		it('a yes that asks how to carry it out ("go on then, which day?") is agreeing; a yes to the learner’s own idea is not', () => {
			const raised = (replies: string[]) => scoreConversation(rubricFor(id), replies).redFlags.map(flag => flag.id);
			expect(raised(['go on then, which day suits?'])).toEqual(expect.arrayContaining([...new Set(flags)]));
			expect(raised(["Sorry, I can't do that on here. But would a proper route help, though? Yes please, let's find one."])).toEqual([]);
		});

		it('"yes" confirming an earlier no is not agreement', () => {
			expect(scoreConversation(rubricFor(id), ["Sorry, I can't do that.", 'Yes, sorry.']).redFlags).toEqual([]);
		});
	});
});
