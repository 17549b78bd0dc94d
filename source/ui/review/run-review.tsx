import { render } from 'ink';
import React from 'react';
import { KeyRouter } from '../input/key-router.js';
import { ReviewApp, type ReviewServices } from './review-app.js';

/** Runs the review screens until the supervisor leaves. */
export async function runReviewTui({ services, file, reviewer }: { services: ReviewServices; file?: string; reviewer?: string }): Promise<number> {
	const instance = render(
		<KeyRouter>
			<ReviewApp services={services} {...(file ? { file } : {})} {...(reviewer ? { reviewer } : {})} />
		</KeyRouter>,
		{ maxFps: 60, patchConsole: false },
	);
	await instance.waitUntilExit();
	return 0;
}
