#!/usr/bin/env node
require('../dist/cli/mimspec.js').cli();
