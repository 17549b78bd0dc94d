/**
 * Loads a terminal screen module. Ink decides once, when first imported, whether it runs in CI (the
 * CI or CONTINUOUS_INTEGRATION variable set) and then draws only the last frame: a learner at a real
 * terminal that exports CI would never see the chat input. Screens run only at a terminal, so those
 * variables are cleared before Ink is loaded.
 */
export async function loadScreen<Module>(load: () => Promise<Module>): Promise<Module> {
	delete process.env.CI;
	delete process.env.CONTINUOUS_INTEGRATION;
	return load();
}
