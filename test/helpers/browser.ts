/**
 * Chromium for the browser tests, from npm: @sparticuz/chromium ships a headless Chromium (Linux x64)
 * inside the package, and playwright-core drives it, so `npm install` is the whole set-up.
 *
 * The pair is pinned to exact versions (see the README's Testing section): 153.0.0 with playwright-core
 * 1.65.1 launches on Node 20 and renders, screenshots and prints.
 *
 * The package unpacks itself into the temp folder as `chromium` and then uses any file of that name
 * already there, whatever its version (138, 143 and 147 were seen to crash at launch that way, and each
 * launched when unpacked afresh). Here it unpacks into a scratch folder that is then renamed to one
 * named for its version, so another version's build, or one half-written by an interrupted run, is
 * never launched.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Chromium from '@sparticuz/chromium';
import { chromium, type Browser } from 'playwright-core';
import { ROOT } from './library.js';

/** The network is never needed: nothing but the page itself may load. */
const QUIET = ['--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'];

async function unpacked(): Promise<string> {
	const { version } = JSON.parse(readFileSync(join(ROOT, 'node_modules', '@sparticuz', 'chromium', 'package.json'), 'utf8')) as { version: string };
	const home = join(tmpdir(), `postsafe-chromium-${version}`);
	if (existsSync(join(home, 'unpacked'))) return home;
	const scratch = mkdtempSync(join(tmpdir(), 'postsafe-chromium-unpacking-'));
	const before = process.env.TMPDIR;
	process.env.TMPDIR = scratch;
	try {
		await Chromium.executablePath();
	} finally {
		if (before === undefined) delete process.env.TMPDIR;
		else process.env.TMPDIR = before;
	}
	// Its own fonts (Open Sans) beside whatever the machine has, so a bare machine still draws text.
	writeFileSync(
		join(scratch, 'fonts.conf'),
		`<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n  <dir>${home}/fonts</dir>\n  <cachedir>${home}/fonts-cache</cachedir>\n</fontconfig>\n`,
	);
	writeFileSync(join(scratch, 'unpacked'), '');
	try {
		renameSync(scratch, home);
	} catch (error) {
		// Another run unpacked it first.
		rmSync(scratch, { recursive: true, force: true });
		if (!existsSync(join(home, 'unpacked'))) throw error;
	}
	return home;
}

/** Launches the npm-shipped Chromium headless; POSTSAFE_CHROMIUM names another binary (for a machine that is not Linux x64). */
export async function launchChromium(): Promise<Browser> {
	const own = process.env.POSTSAFE_CHROMIUM;
	if (own) return chromium.launch({ executablePath: own, args: ['--headless', '--no-sandbox', ...QUIET], timeout: 30_000 });
	if (process.platform !== 'linux' || process.arch !== 'x64') {
		throw new Error(
			`the browser tests' Chromium (@sparticuz/chromium) is a Linux x64 build; on ${process.platform} ${process.arch} set POSTSAFE_CHROMIUM to a Chrome or Chromium binary`,
		);
	}
	const home = await unpacked();
	// Without --single-process (which the package sets for AWS Lambda): with it, closing one page closes the browser.
	return chromium.launch({
		executablePath: join(home, 'chromium'),
		args: [...Chromium.args.filter(arg => arg !== '--single-process'), ...QUIET],
		env: { ...process.env, FONTCONFIG_FILE: join(home, 'fonts.conf') },
		timeout: 30_000,
	});
}
