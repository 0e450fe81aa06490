// The operations GraphiQL opens with: each answers a question analysts ask of IMR decisions. Pick one with the
// ▶ button's menu. The bench times these same operations over HTTP, so keep them realistic.

export const EXAMPLE_OPERATIONS = `# IMR Analytics: example questions. Press ▶ and pick an operation.

# How often is a denial overturned, by treatment category? (Wilson 95% interval for each rate.)
query OverturnRateByCategory {
  itemStats(groupBy: [CATEGORY], orderBy: COUNT_DESC) {
    total { count upheld overturned overturnRate }
    groups {
      key { category }
      count
      overturned
      overturnRate
      overturnRateInterval { low high }
    }
  }
}

# Opioid requests, year by year: how many, and how many the reviewers overturned.
query OpioidRequestsByYear {
  itemStats(filter: { drugClass: [OPIOID] }, groupBy: [DECISION_YEAR]) {
    groups {
      key { decisionYear }
      count
      overturned
      overturnRate
      overturnRateInterval { low high }
    }
  }
}

# Which guideline pages decide massage therapy requests, and how do items citing each page fare?
query GuidelinePagesDecidingMassage {
  citedPages(filter: { treatment: ["massage therapy"] }, citedBy: IMR_REVIEWER) {
    items { count overturned overturnRate }
    groups {
      source
      guideline
      page
      count
      share
      overturnRate
      overturnRateInterval { low high }
    }
  }
  guidelineStats(filter: { treatment: ["massage therapy"] }, level: TOPIC) {
    groups { source guideline topic count citations overturnRate }
  }
}

# How often did each party cite no guideline at all, and does it change the outcome?
query CitedNothing {
  citationCoverage {
    citedBy
    items
    citedNothingShare
    citedNothing { count overturnRate }
    citedSomething { count overturnRate }
  }
}

# How long from the utilization review denial to the IMR decision?
query DaysFromDenialToDecision {
  caseStats(groupBy: [DECISION_YEAR]) {
    groups {
      key { decisionYear }
      cases
      daysToDecision { mean median p90 }
    }
  }
}

# One case, as its letter reads.
query CasePage($caseNumber: String! = "CM14-0166055") {
  case(caseNumber: $caseNumber) {
    id
    caseNumber
    dates { assigned injury urDenial applicationReceived decision }
    daysToDecision
    priority
    patient { age sex ageBand }
    diagnoses
    reviewer { specialties subspecialties licensedIn stats { count overturned overturnRate } }
    items(first: 20) {
      totalCount
      edges {
        node {
          title
          decision
          category
          treatment
          drug { name generic drugClass strength dispensed }
          quantity { count unit }
          frequency { min max per }
          duration { min max unit }
          bodyRegions
          rationale
          citations(first: 20) {
            edges { node { citedBy pages text guideline { source name topic } } }
          }
        }
      }
    }
    document { sha256 sourcePath sizeBytes ingestedAt parserVersion }
  }
}

# Full-text search of rationales, titles and case summaries (matches in <mark>…</mark>).
query FullTextSearch($query: String! = "functional improvement") {
  search(query: $query, first: 10) {
    totalCount
    edges {
      node {
        kind
        score
        title
        snippet
        case { caseNumber dates { decision } }
        item { decision category }
      }
    }
    pageInfo { hasNextPage endCursor }
  }
}
`;
