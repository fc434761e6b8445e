// The handlers read their table name when loaded, as they do in Lambda.
process.env.TABLE_NAME = 'ratings-unit-test';
process.env.CURSOR_SECRET = 'unit-test-cursor-secret';
// The one web origin allowed to call from a browser, as serverless.yml sets it.
process.env.BROWSER_ORIGIN = 'https://app.rate-the-ride.example';
// The authorizer module builds its key source when loaded; its tests pass their own keys.
process.env.TOKEN_PUBLIC_KEYS = '{"keys":[]}';
