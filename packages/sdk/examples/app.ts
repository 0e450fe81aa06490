// A minimal app use: a filtered, paginated list of decided items, one page at a time, as a list view would
// fetch it (the cursor of one page asks for the next).
//   pnpm --filter @imr/sdk example:app --url http://localhost:4000/graphql --category PHYSICAL_MEDICINE --page-size 3
import { parseArgs } from 'node:util';
import { type Category, createImrClient, type Decision, ImrGraphQLError, type ItemFilter } from '@imr/sdk';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.IMR_URL ?? 'http://localhost:4000/graphql' },
    category: { type: 'string', multiple: true },
    decision: { type: 'string', multiple: true },
    search: { type: 'string' },
    'page-size': { type: 'string', default: '10' },
    pages: { type: 'string', default: '3' },
  },
});
const client = createImrClient({ url: values.url! });

const filter: ItemFilter = {
  category: values.category as Category[] | undefined,
  decision: values.decision as Decision[] | undefined,
  text: values.search,
};

try {
  let after: string | null = null;
  for (let page = 1; page <= Number(values.pages); page++) {
    const { items } = await client.items({
      filter,
      orderBy: 'DECISION_DATE_DESC',
      first: Number(values['page-size']),
      after,
    });
    const pageCount = Math.max(1, Math.ceil(items.totalCount / Number(values['page-size'])));
    console.log(`page ${page} of ${pageCount} (${items.totalCount} items)`);
    console.log(
      client.toTextTable(
        items.edges.map(({ node }) => ({
          case: node.case.caseNumber ?? node.case.letterKey.slice(0, 15),
          decided: node.decisionDate,
          category: node.category,
          decision: node.decision,
          title: node.title.length > 60 ? `${node.title.slice(0, 59)}…` : node.title,
        })),
      ),
    );
    if (!items.pageInfo.hasNextPage) break;
    after = items.pageInfo.endCursor;
  }
} catch (error) {
  // A filter the API refuses (a bad enum value, a malformed date) comes back with the server's message and code.
  if (error instanceof ImrGraphQLError) {
    console.error(`${error.code ?? 'ERROR'}: ${error.message}`);
    process.exitCode = 2;
  } else {
    throw error;
  }
}
