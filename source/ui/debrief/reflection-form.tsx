import { Box, Text } from 'ink';
import React, { useState } from 'react';
import { REFLECTION_QUESTIONS } from '../../session/coach.js';
import type { Reflection } from '../../transcript/schema.js';
import { TextBox } from '../input/text-box.js';
import { KeyHelp } from '../key-help.js';
import { HELP } from '../keys.js';
import { wrapText } from '../../wrap.js';

type ReflectionFormProps = {
	readonly width: number;
	/** The terminal's height: a long answer scrolls inside the box rather than filling the screen. */
	readonly height: number;
	/** A line above the question, e.g. the score, since the debrief above may have scrolled away. */
	readonly above?: string;
	/**
	 * After each answer: the reflection so far, questions not reached yet as '' (as a skipped one), so
	 * Ctrl+C keeps what was written; and the question just answered, with its answer.
	 */
	readonly onAnswer: (reflection: Reflection, answered: { readonly question: string; readonly answer: string }) => void;
	/** After the last answer. */
	readonly onDone: () => void;
};

function reflectionOf(answers: readonly string[]): Reflection {
	const [whatHappened = '', soWhat = '', nowWhat = ''] = answers;
	return { whatHappened, soWhat, nowWhat };
}

/** Three questions after the debrief — what happened, so what, now what — one at a time. */
export function ReflectionForm({ width, height, above, onAnswer, onDone }: ReflectionFormProps) {
	const [answers, setAnswers] = useState<string[]>([]);
	const step = REFLECTION_QUESTIONS[answers.length]!;
	const submit = (answer: string) => {
		const next = [...answers, answer.trim()];
		onAnswer(reflectionOf(next), { question: heading, answer: answer.trim() });
		if (next.length === REFLECTION_QUESTIONS.length) onDone();
		setAnswers(next);
	};
	const columns = Math.min(width, 100);
	const heading = `Reflection ${answers.length + 1} of ${REFLECTION_QUESTIONS.length}: ${step.question}`;
	// A line spare, the blank line above, the line above the question, the question and the key help.
	const answerLines = Math.max(1, height - 3 - (above ? wrapText(above, columns).length : 0) - wrapText(heading, columns).length);
	return (
		<Box flexDirection="column" marginTop={1} width={columns}>
			{above ? <Text dimColor>{above}</Text> : null}
			<Text bold>{heading}</Text>
			<TextBox key={step.key} prompt="› " width={columns} onSubmit={submit} maxLines={answerLines} />
			<KeyHelp keys={HELP.reflection} />
		</Box>
	);
}
