/** Every field of every record of a province, with sources and evidence: the heaviest honest query (the largest pages a client may ask). */
export const fullProvinceSelection = /* GraphQL */ `
  id
  documents { id number title kind issuer signer issuedOn file truncated note }
  tasks(limit: 1000) {
    id year kind level title field leadUnit assignedBy startDate dueDate expectedResult outputs totalCostVnd status note
    target { quantity unit comparator }
    funding { fundingSource amountVnd note source { section quote document { id number } } evidence { quote } }
    source { section quote note document { id number title issuedOn } }
    evidence { section quote note document { id number } }
  }
  budgets {
    id year phase fundingSource purpose amountVnd amountAsWritten currency asOf note
    source { section quote document { id number } }
    evidence { section quote note document { id } }
  }
  qmsCoverage {
    id year tier mandatory status applying total ratio standard note
    source { section quote document { id number } }
    evidence { quote note document { id } }
  }
  indicators(limit: 1000) {
    id code name category year periodStart periodEnd target comparator value numerator denominator ratio unit baseline parentId note
    source { section quote document { id number } }
    evidence { quote note document { id } }
  }
`;

export const entitiesQuery = /* GraphQL */ `
  query Province($representations: [_Any!]!) {
    _entities(representations: $representations) { ... on Province { ${fullProvinceSelection} } }
  }
`;
