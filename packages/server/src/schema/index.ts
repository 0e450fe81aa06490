import { builder } from './builder';
// Each type file registers its type and the query fields that return it; importing it is enough.
import './types/enums.type';
import './types/item-filter.input';
import './types/reviewer.type';
import './types/case.type';
import './types/item.type';
import './types/guideline.type';
import './types/citation.type';
import './types/search-hit.type';
import './types/ingest-error.type';
import './types/item-stats.type';
import './types/case-stats.type';
import './types/guideline-stats.type';
import './types/cited-pages-stats.type';
import './types/guideline-analytics-coverage.type';
import './types/time-series-stats.type';

export const schema = builder.toSchema();
