import { describe, expect, it } from 'vitest';
import { DRUG_CLASSES, type DrugClass } from '../types';
import { dictionaryDrugs } from './drug-lookup';
import { DRUGS } from './drugs.data';
import { phraseTerms } from './term-tokens';
import { classifyTreatment } from './treatment-lookup';

function drugOf(title: string) {
  const { category, drug } = classifyTreatment(title);
  expect(category).toBe('PHARMACEUTICAL');
  return drug!;
}

describe('drug dictionary', () => {
  it('holds at least 150 distinct drugs, each with a valid class', () => {
    const drugs = dictionaryDrugs();
    expect(drugs.length).toBeGreaterThanOrEqual(150);
    for (const drug of drugs) expect(DRUG_CLASSES).toContain(drug.drugClass);
  });

  it('has drugs of every class', () => {
    const classes = new Set(dictionaryDrugs().map((drug) => drug.drugClass));
    expect([...classes].sort()).toEqual([...DRUG_CLASSES].sort());
  });
});

describe('drugs by brand and generic name', () => {
  it.each<[string, string, DrugClass]>([
    ['Norco 10/325mg #120', 'hydrocodone/acetaminophen', 'OPIOID'],
    ['Vicodin 5/500', 'hydrocodone/acetaminophen', 'OPIOID'],
    ['Hydrocodone/APAP 10/325 #90', 'hydrocodone/acetaminophen', 'OPIOID'],
    ['Percocet 10/325', 'oxycodone/acetaminophen', 'OPIOID'],
    ['OxyContin 20mg ER', 'oxycodone', 'OPIOID'],
    ['Ultram 50mg', 'tramadol', 'OPIOID'],
    ['Ultracet 37.5/325', 'tramadol/acetaminophen', 'OPIOID'],
    ['Nucynta 50mg', 'tapentadol', 'OPIOID'],
    ['Tylenol #3', 'acetaminophen/codeine', 'OPIOID'],
    ['Fentanyl patch 25mcg/hr', 'fentanyl', 'OPIOID'],
    ['Methadone 10mg', 'methadone', 'OPIOID'],
    ['MS Contin 30mg', 'morphine', 'OPIOID'],
    ['Opana ER 10mg', 'oxymorphone', 'OPIOID'],
    ['Butrans patch 10mcg/hr', 'buprenorphine', 'OPIOID'],
    ['Anaprox DS 550mg', 'naproxen', 'NSAID'],
    ['Naprosyn 500mg', 'naproxen', 'NSAID'],
    ['Motrin 800mg', 'ibuprofen', 'NSAID'],
    ['Mobic 15mg', 'meloxicam', 'NSAID'],
    ['Celebrex 200mg', 'celecoxib', 'NSAID'],
    ['Voltaren XR 100mg', 'diclofenac', 'NSAID'],
    ['Relafen 750mg', 'nabumetone', 'NSAID'],
    ['Etodolac 400mg', 'etodolac', 'NSAID'],
    ['Flexeril 10mg', 'cyclobenzaprine', 'MUSCLE_RELAXANT'],
    ['Fexmid 7.5mg #60', 'cyclobenzaprine', 'MUSCLE_RELAXANT'],
    ['Zanaflex 4mg', 'tizanidine', 'MUSCLE_RELAXANT'],
    ['Soma 350mg', 'carisoprodol', 'MUSCLE_RELAXANT'],
    ['Robaxin 750mg', 'methocarbamol', 'MUSCLE_RELAXANT'],
    ['Baclofen 10mg', 'baclofen', 'MUSCLE_RELAXANT'],
    ['Norflex ER 100mg', 'orphenadrine', 'MUSCLE_RELAXANT'],
    ['Skelaxin 800mg', 'metaxalone', 'MUSCLE_RELAXANT'],
    ['Neurontin 600mg', 'gabapentin', 'ANTICONVULSANT'],
    ['Lyrica 75mg', 'pregabalin', 'ANTICONVULSANT'],
    ['Topamax 50mg', 'topiramate', 'ANTICONVULSANT'],
    ['Cymbalta 60mg', 'duloxetine', 'ANTIDEPRESSANT'],
    ['Amitriptyline 25mg', 'amitriptyline', 'ANTIDEPRESSANT'],
    ['Nortriptyline 10mg', 'nortriptyline', 'ANTIDEPRESSANT'],
    ['Effexor XR 75mg', 'venlafaxine', 'ANTIDEPRESSANT'],
    ['Trazodone 50mg', 'trazodone', 'ANTIDEPRESSANT'],
    ['Sertraline 50mg', 'sertraline', 'ANTIDEPRESSANT'],
    ['Lidoderm 5% patch #30', 'lidocaine', 'TOPICAL'],
    ['Lidocaine patches', 'lidocaine', 'TOPICAL'],
    ['Flector patch 1.3%', 'diclofenac', 'TOPICAL'],
    ['Capsaicin 0.075% cream', 'capsaicin', 'TOPICAL'],
    ['Menthoderm gel', 'methyl salicylate/menthol', 'TOPICAL'],
    ['Voltaren gel 1%', 'diclofenac', 'TOPICAL'],
    ['Pennsaid 2% solution', 'diclofenac', 'TOPICAL'],
    ['Ambien 10mg', 'zolpidem', 'SEDATIVE_HYPNOTIC'],
    ['Lunesta 3mg', 'eszopiclone', 'SEDATIVE_HYPNOTIC'],
    ['Xanax 0.5mg', 'alprazolam', 'BENZODIAZEPINE'],
    ['Valium 5mg', 'diazepam', 'BENZODIAZEPINE'],
    ['Klonopin 1mg', 'clonazepam', 'BENZODIAZEPINE'],
    ['Ativan 1mg', 'lorazepam', 'BENZODIAZEPINE'],
    ['Prilosec 20mg', 'omeprazole', 'PROTON_PUMP_INHIBITOR'],
    ['Protonix 40mg', 'pantoprazole', 'PROTON_PUMP_INHIBITOR'],
    ['Nexium 40mg', 'esomeprazole', 'PROTON_PUMP_INHIBITOR'],
    ['Lansoprazole 30mg', 'lansoprazole', 'PROTON_PUMP_INHIBITOR'],
    ['Zofran 8mg', 'ondansetron', 'OTHER'],
    ['Sumatriptan 50mg', 'sumatriptan', 'OTHER'],
    ['Viagra 100mg', 'sildenafil', 'OTHER'],
    ['Vitamin D 50,000 IU', 'vitamin d', 'OTHER'],
    ['Senna 8.6mg', 'senna', 'OTHER'],
    ['Docusate 100mg', 'docusate', 'OTHER'],
    ['Provigil 200mg', 'modafinil', 'OTHER'],
  ])('%s → %s (%s)', (title, generic, drugClass) => {
    const drug = drugOf(title);
    expect({ generic: drug.generic, drugClass: drug.drugClass }).toEqual({ generic, drugClass });
    expect(classifyTreatment(title).treatment).toBe(generic);
  });

  it('names a product with no generic by its product name', () => {
    expect(classifyTreatment('Terocin patches #30')).toMatchObject({
      treatment: 'terocin',
      drug: { name: 'Terocin patch', generic: null, drugClass: 'TOPICAL', dispensed: 30 },
    });
    expect(classifyTreatment('Theramine #120').drug).toMatchObject({ generic: null, drugClass: 'OTHER' });
  });

  it('uses the spelling of the dictionary for the name, whatever the case in the heading', () => {
    expect(drugOf('NORCO 10/325MG #120').name).toBe('Norco');
  });
});

describe('topicals and compounds', () => {
  it('an oral NSAID asked for as a cream is a topical', () => {
    expect(drugOf('Ketoprofen 20% cream')).toMatchObject({
      generic: 'ketoprofen',
      drugClass: 'TOPICAL',
      strength: '20%',
    });
  });

  it('a transdermal opioid stays an opioid', () => {
    expect(drugOf('Fentanyl 25mcg/hr transdermal patch').drugClass).toBe('OPIOID');
  });

  it('several ingredients in a cream are a compound listing them', () => {
    expect(drugOf('Compound cream: Flurbiprofen 20%, Cyclobenzaprine 4%, Lidocaine 5%')).toEqual({
      name: 'flurbiprofen/cyclobenzaprine/lidocaine',
      generic: 'flurbiprofen/cyclobenzaprine/lidocaine',
      drugClass: 'COMPOUND',
      strength: '20%/4%/5%',
      dispensed: null,
    });
  });

  it('two ingredients in a topical form are a compound even without the word', () => {
    expect(drugOf('Gabapentin 10%/Amitriptyline 10% topical').drugClass).toBe('COMPOUND');
  });

  it('"compounded" with no ingredient named is a compound with no generic', () => {
    expect(drugOf('Compounded topical cream 240gm')).toMatchObject({
      generic: null,
      drugClass: 'COMPOUND',
      strength: null,
    });
  });

  it('two ingredients with percent strengths are a compound even without a form word', () => {
    expect(drugOf('Flurbiprofen 25%/Cyclobenzaprine 2% 30gm')).toMatchObject({
      generic: 'flurbiprofen/cyclobenzaprine',
      drugClass: 'COMPOUND',
      strength: '25%/2%',
    });
  });

  it('two oral drugs in one heading are the first one', () => {
    expect(drugOf('Norco and Soma')).toMatchObject({
      generic: 'hydrocodone/acetaminophen',
      drugClass: 'OPIOID',
    });
  });

  it('oral suspension compounding kits are compounds named by their ingredient', () => {
    expect(drugOf('Synapryn 10mg/ml oral suspension 500ml')).toMatchObject({
      name: 'Synapryn',
      generic: 'tramadol',
      drugClass: 'COMPOUND',
      strength: '10 mg/ml',
    });
    expect(drugOf('Tabradol 1mg/ml 250ml').generic).toBe('cyclobenzaprine');
  });

  it('named compounded products are compounds', () => {
    expect(drugOf('Flurbi (NAP) cream-LA 180gm').drugClass).toBe('COMPOUND');
    expect(drugOf('TGHot 180gm').drugClass).toBe('COMPOUND');
  });
});

describe('strength and amount dispensed', () => {
  it.each([
    ['Dilaudid 4mg #90', '4 mg', 90],
    ['Dilaudid 4 MG #90', '4 mg', 90],
    ['Norco 10/325mg #120', '10/325 mg', 120],
    ['Norco 10/325 #120', '10/325', 120],
    ['Lidoderm 5% patch qty 30', '5%', 30],
    ['Gabapentin 600mg (90 tablets)', '600 mg', 90],
    ['Trazodone 50mg quantity: 30', '50 mg', 30],
    ['Tramadol ER 150mg x 30', '150 mg', 30],
    ['Tylenol #3 #60', null, 60],
    ['Tylenol #3', null, null],
    ['Omeprazole DR 20 mg', '20 mg', null],
    ['Butrans 10mcg/hr #4', '10 mcg/hr', 4],
  ])('%s → %s, %s', (title, strength, dispensed) => {
    expect(drugOf(title)).toMatchObject({ strength, dispensed });
  });

  it('a date in the heading is not a strength', () => {
    expect(drugOf('Norco (DOS 10/03/14)').strength).toBeNull();
  });
});

describe('drug dictionary data', () => {
  it('lists each name under one drug only (a repeated name would silently keep the first)', () => {
    const seen = new Map<string, string>();
    const repeated: string[] = [];
    for (const entry of DRUGS) {
      for (const name of entry.names) {
        const key = phraseTerms(name).join(' ');
        const owner = `${entry.generic ?? entry.names[0]} (${entry.drugClass})`;
        const earlier = seen.get(key);
        if (earlier !== undefined && earlier !== owner) repeated.push(`${name}: ${earlier} and ${owner}`);
        seen.set(key, owner);
      }
    }
    expect(repeated).toEqual([]);
  });
});

describe('a strength inside a dictionary name', () => {
  it('reads "Lidocaine 5% patch #1" as 5%, like "Lidocaine patch 5%"', () => {
    expect(classifyTreatment('Lidocaine 5% patch #1').drug).toMatchObject({ strength: '5%', dispensed: 1 });
  });
});
