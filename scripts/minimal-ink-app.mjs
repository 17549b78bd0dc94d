// The bench's baseline for time to first frame: the smallest Ink app, one line of text.
import { render, Text } from 'ink';
import React from 'react';

render(React.createElement(Text, null, 'minimal ink app ready'));
setInterval(() => {}, 1000);
