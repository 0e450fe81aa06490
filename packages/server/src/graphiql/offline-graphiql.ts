import { createHash } from 'node:crypto';
import type { GraphiQLOptions, Plugin } from 'graphql-yoga';

// GraphiQL from the installed @graphql-yoga/render-graphiql (its build of GraphiQL, Monaco and their workers),
// never from a CDN: Yoga's default page loads GraphiQL from unpkg.com and stays blank where that host cannot be
// reached. That package inlines its 9 MB of script into every page; here the page is small and names one script
// and one stylesheet, served from memory under a content hash, so a browser fetches them once.

/** Where the page finds its script and stylesheet. */
export const GRAPHIQL_ASSETS_PATH = '/graphiql-assets/';

interface GraphiQLAssets {
  /** File name (with content hash) → body and content type. */
  files: Map<string, { body: string; type: string }>;
  script: string;
  stylesheet: string;
  favicon: string;
}

let loading: Promise<GraphiQLAssets> | null = null;

function hashed(name: string, ext: string, body: string): string {
  return `${name}-${createHash('sha256').update(body).digest('hex').slice(0, 12)}.${ext}`;
}

/** Loaded on the first GraphiQL request, not at start: the module is 9 MB a server without GraphiQL never needs. */
function graphiqlAssets(): Promise<GraphiQLAssets> {
  loading ??= import('@graphql-yoga/render-graphiql/graphiql').then((built) => {
    // Monaco starts its workers from URLs; blob URLs of the bundled worker sources keep them same-origin.
    const script = `(function () {
  function blobUrl(source) { return URL.createObjectURL(new Blob([source], { type: 'application/javascript' })); }
  var workers = {
    editorWorkerService: blobUrl(${JSON.stringify(built.editorWorkerService)}),
    json: blobUrl(${JSON.stringify(built.jsonWorker)}),
    graphql: blobUrl(${JSON.stringify(built.graphqlWorker)}),
  };
  self.MonacoEnvironment = { globalAPI: false, getWorkerUrl: function (_id, label) { return workers[label]; } };
})();
${built.js};
`;
    const scriptName = hashed('graphiql', 'js', script);
    const stylesheetName = hashed('graphiql', 'css', built.css);
    return {
      files: new Map([
        [scriptName, { body: script, type: 'text/javascript; charset=utf-8' }],
        [stylesheetName, { body: built.css, type: 'text/css; charset=utf-8' }],
      ]),
      script: `${GRAPHIQL_ASSETS_PATH}${scriptName}`,
      stylesheet: `${GRAPHIQL_ASSETS_PATH}${stylesheetName}`,
      favicon: built.favicon,
    };
  });
  return loading;
}

/** JSON safe inside a <script> element: no `</script>` or `<!--` can end it early. */
function scriptJson(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Yoga's `renderGraphiQL`: the page, pointing at the assets `useOfflineGraphiQLAssets` serves. */
export async function renderOfflineGraphiQL(options: GraphiQLOptions): Promise<string> {
  const assets = await graphiqlAssets();
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <title>${escapeHtml(options.title ?? 'GraphiQL')}</title>
    <link rel="icon" href="${escapeHtml(options.favicon ?? assets.favicon)}" />
    <link rel="stylesheet" href="${assets.stylesheet}" />
  </head>
  <body id="body" class="no-focus-outline">
    <noscript>GraphiQL needs JavaScript.</noscript>
    <div id="root"></div>
    <script src="${assets.script}"></script>
    <script>
      YogaGraphiQL.renderYogaGraphiQL(document.querySelector('#root'), ${scriptJson(options)});
    </script>
  </body>
</html>
`;
}

/** Serves GraphiQL's script and stylesheet; their names carry a content hash, so they are cached for good. */
export function useOfflineGraphiQLAssets(): Plugin {
  return {
    async onRequest({ request, url, endResponse, fetchAPI }) {
      if (!url.pathname.startsWith(GRAPHIQL_ASSETS_PATH)) return;
      if (request.method !== 'GET' && request.method !== 'HEAD') return;
      const file = (await graphiqlAssets()).files.get(url.pathname.slice(GRAPHIQL_ASSETS_PATH.length));
      if (!file) {
        endResponse(new fetchAPI.Response('Not found', { status: 404 }));
        return;
      }
      endResponse(
        new fetchAPI.Response(request.method === 'HEAD' ? null : file.body, {
          headers: { 'content-type': file.type, 'cache-control': 'public, max-age=31536000, immutable' },
        }),
      );
    },
  };
}
