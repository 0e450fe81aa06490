import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Db } from '@imr/store/client';
import {
  type CubeSourceItem,
  cubeBodyRegionsBetween,
  cubeCasesAfter,
  cubeCitationsBetween,
  cubeItemsAfter,
  cubeReviewersAndGuidelines,
} from '@imr/store/repositories/cube-source.repository';
import { growingUint32 } from './growing-typed-array';
import { type CubeItemRow, type ItemCube, ItemCubeBuilder } from './item-cube';

// Reads the store into a new cube: items with their regions, citations and pages, chunk by chunk of item ids
// (yielding to the event loop between chunks), then the cases, then the small reviewer and guideline tables.

const CHUNK = 100_000;

function cubeItemRow(item: CubeSourceItem): CubeItemRow {
  return {
    id: item.id,
    caseId: item.caseId,
    reviewerId: item.reviewerId,
    dateDecision: item.dateDecision,
    dateInjury: item.dateInjury,
    values: {
      decision: item.decision,
      category: item.category,
      decisionYear: item.decisionYear,
      decisionMonth: item.decisionMonth,
      drugClass: item.drugClass,
      drug: item.drug,
      treatment: item.treatment,
      priority: item.priority,
      patientSex: item.patientSex,
      patientAgeBand: item.patientAgeBand,
    },
  };
}

/** Body regions per item, in flat arrays: millions of rows, held until the cube is finished. */
class RegionRows {
  private readonly items: number[] = [];
  private readonly names: string[] = [];

  add(itemId: number, bodyRegion: string): void {
    this.items.push(itemId);
    this.names.push(bodyRegion);
  }

  *rows() {
    for (let k = 0; k < this.items.length; k++) yield { itemId: this.items[k]!, bodyRegion: this.names[k]! };
  }
}

/**
 * Citations and their cited pages, in typed buffers (millions of rows on a large store), the citing party
 * coded. Pages come from a citation's `pages` list; when one is not a non-negative integer the cube holds no
 * pages at all and citedPages asks SQL.
 */
class CitationRows {
  private readonly citationItems = growingUint32();
  private readonly citationGuidelines = growingUint32();
  private readonly citationParties = growingUint32();
  private readonly pageItems = growingUint32();
  private readonly pageGuidelines = growingUint32();
  private readonly pagePages = growingUint32();
  private readonly pageParties = growingUint32();
  private readonly partyNames: string[] = [];
  private maxPage = 0;
  private pagesAreCodes = true;

  add(itemId: number, guidelineId: number, citedBy: string, pages: string): void {
    let party = this.partyNames.indexOf(citedBy);
    if (party < 0) party = this.partyNames.push(citedBy) - 1;
    this.citationItems.push(itemId);
    this.citationGuidelines.push(guidelineId);
    this.citationParties.push(party);
    if (pages !== '[]') this.addPages(itemId, guidelineId, party, JSON.parse(pages) as unknown);
  }

  private addPages(itemId: number, guidelineId: number, party: number, listed: unknown): void {
    if (!Array.isArray(listed)) {
      this.pagesAreCodes = false;
      return;
    }
    for (const [k, page] of listed.entries()) {
      if (listed.indexOf(page) !== k) continue; // a page listed twice is one citation_pages row
      if (!(Number.isInteger(page) && page >= 0 && page < 2 ** 32)) {
        this.pagesAreCodes = false;
        continue;
      }
      this.pageItems.push(itemId);
      this.pageGuidelines.push(guidelineId);
      this.pagePages.push(page);
      this.pageParties.push(party);
      if (page > this.maxPage) this.maxPage = page;
    }
  }

  *citations() {
    for (let k = 0; k < this.citationItems.length; k++) {
      yield {
        itemId: this.citationItems.at(k),
        guidelineId: this.citationGuidelines.at(k),
        citedBy: this.partyNames[this.citationParties.at(k)]!,
      };
    }
  }

  private *pageRows() {
    for (let k = 0; k < this.pageItems.length; k++) {
      yield {
        itemId: this.pageItems.at(k),
        guidelineId: this.pageGuidelines.at(k),
        citedBy: this.partyNames[this.pageParties.at(k)]!,
        page: this.pagePages.at(k),
      };
    }
  }

  citationPages() {
    return this.pagesAreCodes ? { rows: this.pageRows(), minPage: 0, maxPage: this.maxPage } : undefined;
  }
}

/** The items chunk by chunk, each chunk with the same id range of the bridge tables: an item's rows land with it. */
async function readItems(db: Db, builder: ItemCubeBuilder, regions: RegionRows, citations: CitationRows) {
  let after = 0;
  for (;;) {
    const items = await cubeItemsAfter(db, after, CHUNK);
    if (items.length === 0) return;
    const last = items[items.length - 1]!.id;
    builder.addItems(items.map(cubeItemRow));
    for (const r of await cubeBodyRegionsBetween(db, after, last)) regions.add(r.itemId, r.bodyRegion);
    for (const c of await cubeCitationsBetween(db, after, last)) {
      citations.add(c.itemId, c.guidelineId, c.citedBy, c.pages);
    }
    after = last;
    await yieldToEventLoop();
  }
}

/** The cases, for caseStats: read after the items, so every item's case is among them. */
async function readCases(db: Db, builder: ItemCubeBuilder): Promise<void> {
  let after = 0;
  for (;;) {
    const cases = await cubeCasesAfter(db, after, CHUNK);
    if (cases.length === 0) return;
    builder.addCases(cases);
    after = cases[cases.length - 1]!.id;
    await yieldToEventLoop();
  }
}

/** Reads the store into a new cube. */
export async function readItemCube(db: Db): Promise<ItemCube> {
  const builder = new ItemCubeBuilder();
  const regions = new RegionRows();
  const citations = new CitationRows();
  await readItems(db, builder, regions, citations);
  await readCases(db, builder);
  const { reviewerSpecialties, reviewerStates, guidelines } = await cubeReviewersAndGuidelines(db);
  return builder.finish({
    bodyRegions: regions.rows(),
    citations: citations.citations(),
    citationPages: citations.citationPages(),
    reviewerSpecialties,
    reviewerStates,
    guidelines,
  });
}
