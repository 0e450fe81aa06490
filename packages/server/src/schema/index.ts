import { builder } from './builder';
// Each type file registers its type and the query fields that return it; importing it is enough.
import './types/enums.type';
import './types/item-filter.input';

export const schema = builder.toSchema();
