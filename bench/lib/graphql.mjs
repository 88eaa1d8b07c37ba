/** One GraphQL request over HTTP: the exact answer bytes, content type and status (errors are the caller's to judge). */
export async function postGraphql(graphqlUrl, query, variables = {}) {
  const response = await fetch(graphqlUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, contentType: response.headers.get('content-type') ?? 'application/json', body: await response.text() };
}

/** Like postGraphql, but throws unless the answer is 200 with data and no errors. */
export async function queryOk(graphqlUrl, query, variables = {}) {
  const answer = await postGraphql(graphqlUrl, query, variables);
  const parsed = JSON.parse(answer.body);
  if (answer.status !== 200 || parsed.errors !== undefined) {
    throw new Error(`GraphQL answered ${answer.status}: ${answer.body.slice(0, 500)}`);
  }
  return { ...answer, data: parsed.data };
}
