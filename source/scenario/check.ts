import { IDENTIFIER_FLAG } from '../rubric/compile.js';
import { compilePattern, expandConcept, type Lexicons } from '../rubric/pattern.js';
import { fallbackBeat } from './beats.js';
import { checkAudiences } from './check-audiences.js';
import type { Finding, PathSegment } from './yaml-source.js';
import type { Anchor, CriteriaLibrary, Lexicon, Scenario } from './schema.js';

/** `acts`: whether a clinical act ("=reassurance") may stand here; only a red flag's own patterns are read as acts. */
function patternFindings(patterns: readonly string[], lexicons: Lexicons, path: readonly PathSegment[], acts = false): Finding[] {
	return patterns.flatMap((source, index) => {
		const result = compilePattern(source, lexicons);
		if (!result.ok) return [{ path: [...path, index], message: result.error }];
		if (result.pattern.act && !acts)
			return [{ path: [...path, index], message: `"${source.trim()}" is a clinical act: only a red flag's patterns (not evidence or where:) can use one` }];
		return [];
	});
}

function lexiconFindings(lexicon: Lexicon, lexicons: Lexicons, path: readonly PathSegment[]): Finding[] {
	return Object.keys(lexicon).flatMap(name => {
		const expanded = expandConcept(name, lexicons);
		return typeof expanded === 'string' ? [{ path: [...path, name], message: expanded, at: 'key' as const }] : [];
	});
}

function anchorFindings(anchors: readonly Anchor[], library: CriteriaLibrary, path: readonly PathSegment[]): Finding[] {
	const known = Object.keys(library.sources);
	return anchors.flatMap((anchor, index) =>
		Object.hasOwn(library.sources, anchor.source)
			? []
			: [{ path: [...path, index, 'source'], message: `unknown source "${anchor.source}"; criteria.yaml lists: ${known.join(', ')}` }],
	);
}

function duplicateFindings(ids: readonly string[], path: (index: number) => readonly PathSegment[], what: string): Finding[] {
	return ids.flatMap((id, index) => (ids.indexOf(id) === index ? [] : [{ path: path(index), message: `duplicate ${what} "${id}"` }]));
}

/** Checks the criteria library beyond its shape: patterns compile, concepts resolve, anchors cite known sources. */
export function checkCriteriaLibrary(library: CriteriaLibrary): Finding[] {
	const lexicons = [library.lexicon];
	return [
		...lexiconFindings(library.lexicon, lexicons, ['lexicon']),
		...Object.entries(library.criteria).flatMap(([id, criterion]) => [
			...patternFindings(criterion.evidence, lexicons, ['criteria', id, 'evidence']),
			...patternFindings(criterion.spoiltBy, lexicons, ['criteria', id, 'spoiltBy']),
			...anchorFindings(criterion.anchors, library, ['criteria', id, 'anchors']),
		]),
	];
}

/** Checks a scenario against the library: references resolve, ids are unique, patterns compile. */
export function checkScenario(scenario: Scenario, library: CriteriaLibrary): Finding[] {
	const { rubric } = scenario;
	const lexicons: Lexicons = [rubric.lexicon, library.lexicon];
	const criterionIds = rubric.criteria.map(criterion => criterion.id);
	const flagIds = rubric.redFlags.map(flag => flag.id);
	const findings: Finding[] = [
		...Object.keys(rubric.lexicon).flatMap(name =>
			Object.hasOwn(library.lexicon, name)
				? [{ path: ['rubric', 'lexicon', name], message: `concept @${name} is already defined in criteria.yaml; choose another name`, at: 'key' as const }]
				: [],
		),
		...lexiconFindings(rubric.lexicon, lexicons, ['rubric', 'lexicon']),
		...rubric.criteria.flatMap((criterion, index) => patternFindings(criterion.evidence, lexicons, ['rubric', 'criteria', index, 'evidence'])),
		...rubric.criteria.flatMap((criterion, index) => patternFindings(criterion.spoiltBy, lexicons, ['rubric', 'criteria', index, 'spoiltBy'])),
		...rubric.redFlags.flatMap((flag, index) => patternFindings(flag.patterns, lexicons, ['rubric', 'redFlags', index, 'patterns'], true)),
		...rubric.redFlags.flatMap((flag, index) =>
			(flag.where ?? []).flatMap((block, position) => patternFindings(block.patterns, lexicons, ['rubric', 'redFlags', index, 'where', position, 'patterns'])),
		),
		...rubric.criteria.flatMap((criterion, index) =>
			(criterion.where ?? []).flatMap((block, position) =>
				patternFindings(block.evidence, lexicons, ['rubric', 'criteria', index, 'where', position, 'evidence']),
			),
		),
		...rubric.structure.flatMap((step, index) => patternFindings(step.evidence, lexicons, ['rubric', 'structure', index, 'evidence'])),
		...duplicateFindings(
			rubric.structure.map(step => step.id),
			index => ['rubric', 'structure', index, 'id'],
			'structure step',
		),
		...duplicateFindings(criterionIds, index => ['rubric', 'criteria', index, 'id'], 'criterion'),
		...duplicateFindings(flagIds, index => ['rubric', 'redFlags', index, 'id'], 'red flag'),
		...duplicateFindings(
			scenario.beats.map(beat => beat.id),
			index => ['beats', index, 'id'],
			'beat',
		),
		...flagIds.flatMap((id, index) =>
			id === IDENTIFIER_FLAG ? [{ path: ['rubric', 'redFlags', index, 'id'], message: `"${IDENTIFIER_FLAG}" is built in; choose another id` }] : [],
		),
		...anchorFindings(scenario.debrief.anchors, library, ['debrief', 'anchors']),
		...rubric.redFlags.flatMap((flag, index) =>
			flag.breaches.flatMap((id, position) =>
				criterionIds.includes(id)
					? []
					: [
							{
								path: ['rubric', 'redFlags', index, 'breaches', position],
								message: `criterion "${id}" is not in this scenario's rubric (it scores: ${criterionIds.join(', ')})`,
							},
						],
			),
		),
		...rubric.requests.flatMap((request, index) =>
			flagIds.includes(request.agreeing)
				? []
				: [
						{
							path: ['rubric', 'requests', index, 'agreeing'],
							message: `red flag "${request.agreeing}" is not in this scenario's rubric (it has: ${flagIds.join(', ')})`,
						},
					],
		),
		...checkAudiences(scenario),
	];
	scenario.beats.forEach((beat, index) => {
		const when = beat.when;
		const stepIds = rubric.structure.map(step => step.id);
		for (const [field, known] of [
			['met', criterionIds],
			['metAny', criterionIds],
			['metSoFar', criterionIds],
			['missed', criterionIds],
			['redFlags', [...flagIds, IDENTIFIER_FLAG]],
			['missedSteps', stepIds],
		] as const) {
			(when?.[field] ?? []).forEach((id, position) => {
				if (!(known as readonly string[]).includes(id)) {
					const what = field === 'redFlags' ? 'red flag' : field === 'missedSteps' ? 'structure step' : 'criterion';
					findings.push({ path: ['beats', index, 'when', field, position], message: `${what} "${id}" is not in this scenario's rubric` });
				}
			});
		}
	});
	if (!scenario.beats.some(beat => beat.when === undefined)) {
		findings.push({ path: ['beats'], message: 'add at least one beat without "when", so the scripted partner always has a reply' });
	}
	// A role-play's other party gives in only when the learner has earned it; an interviewer may close any time.
	if (scenario.mode === 'roleplay') {
		scenario.beats.forEach((beat, index) => {
			if (beat.end && beat.when === undefined)
				findings.push({
					path: ['beats', index, 'when'],
					message: 'an ending beat needs "when" (e.g. metSoFar: [the criteria that earn it]): without it the partner gives in whatever the learner says',
				});
		});
		if (!fallbackBeat(scenario))
			findings.push({ path: ['beats'], message: 'add a beat without "when" that does not end: the partner says it when nothing else fits' });
	}
	if (scenario.mode === 'interview' && rubric.structure.length === 0) {
		findings.push({ path: ['rubric'], message: 'an interview scores the structure of the answer too: add rubric.structure, its steps in order' });
	}
	if ((scenario.mode === 'interview') !== (scenario.partner.role === 'interviewer')) {
		findings.push({ path: ['partner', 'role'], message: 'interview scenarios, and only they, have an interviewer as partner' });
	}
	return findings;
}
