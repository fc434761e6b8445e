// The handlers read their table name when loaded, as they do in Lambda.
process.env.TABLE_NAME = 'ratings-unit-test';
process.env.CURSOR_SECRET = 'unit-test-cursor-secret';
