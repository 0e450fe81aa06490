import { describe, expect, it } from 'vitest';
import { phraseTerms } from './term-tokens';
import { classifyTreatment } from './treatment-lookup';
import { NON_TREATMENT_PHRASES, TREATMENTS } from './treatments.data';

describe('classifyTreatment: gold headings', () => {
  it.each([
    ['TWELVE (12) MASSAGE THERAPY SESSIONS', 'massage therapy'],
    [
      '24 Massage therapy sessions for the cervical spine (neck), 2 times a month for 12 months',
      'massage therapy',
    ],
    ['ACTIVE TISSUE RELEASE 2-3/WK FOR 8-12WKS (CERVICAL, RIGHT SHOULDER', 'massage therapy'],
    ['MYOFASCIAL RELEASE 2-3/WK FOR 8-12WKS (CERVICAL, RIGHT SHOULDER', 'massage therapy'],
    ['CHIROPRACTIC ADJUSTMENTS 2-3/WK FOR 8-12WKS (CERVICAL, RIGHT SHOULDER', 'chiropractic manipulation'],
    ['OCCUPATIONAL THERAPY 2-3/WK FOR 8-12WKS (CERVICAL, RIGHT SHOULDER', 'occupational therapy'],
    ['MYOFASCIAL RELEASE THERAPY FOR THE LUMBAR SPINE (1 TIME PER WEEK FOR 6 WEEKS)', 'massage therapy'],
    ['6 manual massage therapy sessions', 'massage therapy'],
  ])('%s is physical medicine: %s', (title, treatment) => {
    expect(classifyTreatment(title)).toEqual({ category: 'PHYSICAL_MEDICINE', treatment, drug: null });
  });

  it('reads Dilaudid 4mg #90 as hydromorphone, an opioid, 4 mg, 90 dispensed', () => {
    expect(classifyTreatment('Dilaudid 4mg #90')).toEqual({
      category: 'PHARMACEUTICAL',
      treatment: 'hydromorphone',
      drug: {
        name: 'Dilaudid',
        generic: 'hydromorphone',
        drugClass: 'OPIOID',
        strength: '4 mg',
        dispensed: 90,
      },
    });
  });
});

describe('classifyTreatment: every category', () => {
  it.each([
    ['Physical therapy 2x6 for the lumbar spine', 'PHYSICAL_MEDICINE', 'physical therapy'],
    ['Acupuncture x 6 sessions', 'PHYSICAL_MEDICINE', 'acupuncture'],
    ['Aquatic therapy 12 sessions', 'PHYSICAL_MEDICINE', 'aquatic therapy'],
    ['Home exercise kit', 'PHYSICAL_MEDICINE', 'home exercise kit'],
    ['Lumbar epidural steroid injection at L4-5', 'INJECTION', 'epidural steroid injection'],
    ['Transforaminal ESI bilateral L5-S1', 'INJECTION', 'epidural steroid injection'],
    ['Bilateral L4-5 facet injections', 'INJECTION', 'facet injection'],
    ['Medial branch blocks at L3-4, L4-5', 'INJECTION', 'medial branch block'],
    ['Radiofrequency ablation of the L4-5 medial branch', 'INJECTION', 'radiofrequency ablation'],
    ['Trigger point injections x 4', 'INJECTION', 'trigger point injection'],
    ['Greater occipital nerve block', 'INJECTION', 'occipital nerve block'],
    ['PRP injection right elbow', 'INJECTION', 'platelet rich plasma injection'],
    ['Cortisone injection right shoulder', 'INJECTION', 'corticosteroid injection'],
    ['Synvisc-One injection right knee', 'INJECTION', 'viscosupplementation'],
    ['Botox 100 units', 'INJECTION', 'botulinum toxin injection'],
    ['Right knee arthroscopy with partial meniscectomy', 'SURGERY', 'arthroscopy'],
    ['L4-5 posterior lumbar interbody fusion', 'SURGERY', 'spinal fusion'],
    ['L5-S1 microdiscectomy', 'SURGERY', 'discectomy'],
    ['Right carpal tunnel release', 'SURGERY', 'carpal tunnel release'],
    ['Left total knee arthroplasty', 'SURGERY', 'knee replacement'],
    ['Spinal cord stimulator trial', 'SURGERY', 'spinal cord stimulator'],
    ['MRI of the lumbar spine without contrast', 'DIAGNOSTIC_IMAGING', 'mri'],
    ['CT scan of the cervical spine', 'DIAGNOSTIC_IMAGING', 'ct scan'],
    ['X-rays of the right knee, 3 views', 'DIAGNOSTIC_IMAGING', 'x-ray'],
    ['Bone scan', 'DIAGNOSTIC_IMAGING', 'bone scan'],
    ['Diagnostic ultrasound of the right shoulder', 'DIAGNOSTIC_IMAGING', 'ultrasound'],
    ['Urine drug screen', 'DIAGNOSTIC_TESTING', 'urine drug screen'],
    ['Retrospective urine toxicology (DOS 10/3/14)', 'DIAGNOSTIC_TESTING', 'urine drug screen'],
    ['EMG/NCV of the bilateral upper extremities', 'DIAGNOSTIC_TESTING', 'emg/ncv'],
    ['Labs: CBC, CMP', 'DIAGNOSTIC_TESTING', 'laboratory tests'],
    ['Sleep study', 'DIAGNOSTIC_TESTING', 'sleep study'],
    ['Functional capacity evaluation', 'DIAGNOSTIC_TESTING', 'functional capacity evaluation'],
    ['TENS unit rental x 30 days', 'DME', 'tens unit'],
    ['Home H-wave device purchase', 'DME', 'h-wave device'],
    ['Interferential unit', 'DME', 'interferential unit'],
    ['Cold therapy unit for 7 days post-op', 'DME', 'cold therapy unit'],
    ['Lumbar support brace', 'DME', 'brace'],
    ['Front wheeled walker', 'DME', 'walker'],
    ['Shower chair', 'DME', 'bathroom equipment'],
    ['Custom orthotics', 'DME', 'orthotics'],
    ['Hot/cold pack', 'DME', 'hot/cold pack'],
    ['Office visit', 'EVALUATION_MANAGEMENT', 'office visit'],
    ['Follow-up visit in 4 weeks', 'EVALUATION_MANAGEMENT', 'follow-up visit'],
    ['Orthopedic surgery consultation', 'EVALUATION_MANAGEMENT', 'consultation'],
    ['Spine surgery consultation', 'EVALUATION_MANAGEMENT', 'consultation'],
    ['Referral to a neurologist', 'EVALUATION_MANAGEMENT', 'referral'],
    ['Pain management consultation', 'EVALUATION_MANAGEMENT', 'pain management consultation'],
    ['Psychotherapy 6 sessions', 'BEHAVIORAL_HEALTH', 'psychotherapy'],
    ['Cognitive behavioral therapy x 10 visits', 'BEHAVIORAL_HEALTH', 'cognitive behavioral therapy'],
    ['Psychological evaluation', 'BEHAVIORAL_HEALTH', 'psychological evaluation'],
    ['Biofeedback 6 sessions', 'BEHAVIORAL_HEALTH', 'biofeedback'],
    ['Functional restoration program x 160 hours', 'PROGRAM', 'functional restoration program'],
    ['HELP program evaluation', 'PROGRAM', 'functional restoration program'],
    ['Work hardening 10 visits', 'PROGRAM', 'work hardening'],
    ['Home health care 4 hours a day, 7 days a week', 'HOME_HEALTH', 'home health care'],
    ['Home health aide', 'HOME_HEALTH', 'home health aide'],
    ['Housekeeping services 3 hours per week', 'HOME_HEALTH', 'housekeeping'],
    ['Transportation to and from medical appointments', 'OTHER', 'transportation'],
    ['Gym membership x 6 months', 'OTHER', 'gym membership'],
    ['Weight loss program', 'OTHER', 'weight loss program'],
  ])('%s → %s / %s', (title, category, treatment) => {
    const result = classifyTreatment(title);
    expect({ category: result.category, treatment: result.treatment }).toEqual({ category, treatment });
  });
});

describe('classifyTreatment: services the 2016-17 letters name that were OTHER before', () => {
  it.each([
    ['Infrared heat to the neck twice a week for four weeks', 'PHYSICAL_MEDICINE', 'modalities'],
    ['Ice/Heat pads therapy times 8', 'PHYSICAL_MEDICINE', 'modalities'],
    ['Chirophysio therapy once a week for six weeks', 'PHYSICAL_MEDICINE', 'chiropractic manipulation'],
    [
      '6 sessions of chiropractic physiotherapy for the wrist',
      'PHYSICAL_MEDICINE',
      'chiropractic manipulation',
    ],
    ['Home aide 4 hours per day to assist with bathing', 'HOME_HEALTH', 'home health aide'],
    ['PA assist for the knee arthroscopy', 'SURGERY', 'assistant surgeon'],
    ['Medium gloves #100', 'DME', 'disposable supplies'],
    ['Hygiene wipes, one box', 'DME', 'disposable supplies'],
    ['Sit-stand workstation for the office', 'DME', 'ergonomic equipment'],
    ['Jamar grip test of both hands', 'DIAGNOSTIC_TESTING', 'range of motion testing'],
    ['Grip strength testing', 'DIAGNOSTIC_TESTING', 'range of motion testing'],
    ['Range of motion test of the lumbar spine', 'DIAGNOSTIC_TESTING', 'range of motion testing'],
    ['SSEP of the upper extremities', 'DIAGNOSTIC_TESTING', 'evoked potentials'],
    ['Somatosensory evoked potentials, lower extremities', 'DIAGNOSTIC_TESTING', 'evoked potentials'],
  ])('%s is %s: %s', (title, category, treatment) => {
    expect(classifyTreatment(title)).toMatchObject({ category, treatment, drug: null });
  });

  it('reads a supply count as how much of a drug, not as medical supplies', () => {
    expect(classifyTreatment('One month supply of Trezix capsules')).toMatchObject({
      category: 'PHARMACEUTICAL',
      treatment: 'dihydrocodeine/acetaminophen/caffeine',
    });
  });

  it('knows the single-ingredient compounded creams Ketophene and Anecream', () => {
    expect(classifyTreatment('Ketophene 20% cream, 120 grams').drug).toMatchObject({
      generic: 'ketoprofen',
      drugClass: 'COMPOUND',
    });
    expect(classifyTreatment('Anecream 4% #1').drug).toMatchObject({
      generic: 'lidocaine',
      drugClass: 'TOPICAL',
    });
  });

  it.each([
    ['Knee arthroscopy with evaluation of the ACL, partial meniscectomy', 'SURGERY', 'arthroscopy'],
    ['Lorazepam 1mg one tablet 1 hour before exam #2', 'PHARMACEUTICAL', 'lorazepam'],
    ['Daily RN visits for 2 weeks for wound care', 'HOME_HEALTH', 'nursing care'],
    ['Wound care nurse, 2 visits', 'HOME_HEALTH', 'nursing care'],
  ])('%s is %s: %s (what a request includes or is for is not a visit)', (title, category, treatment) => {
    expect(classifyTreatment(title)).toMatchObject({ category, treatment });
  });

  it('keeps transportation and gym memberships OTHER: no category of the contract holds them', () => {
    expect(classifyTreatment('Transportation to and from appointments').category).toBe('OTHER');
    expect(classifyTreatment('Gym membership for six months').category).toBe('OTHER');
  });
});

describe('classifyTreatment: precedence', () => {
  it('physical therapy for the lumbar spine is physical therapy, not a body part', () => {
    expect(classifyTreatment('Physical therapy for the lumbar spine').treatment).toBe('physical therapy');
  });

  it('post-operative physical therapy after a knee arthroscopy is physical therapy', () => {
    expect(
      classifyTreatment('Post-operative physical therapy 12 visits after knee arthroscopy').category,
    ).toBe('PHYSICAL_MEDICINE');
  });

  it('a drug given by injection is an injection named after the drug', () => {
    expect(classifyTreatment('Toradol 60mg IM injection')).toEqual({
      category: 'INJECTION',
      treatment: 'ketorolac injection',
      drug: null,
    });
  });

  it('a urine drug screen is a test, not a drug', () => {
    expect(classifyTreatment('Urine drug test (UDT)').category).toBe('DIAGNOSTIC_TESTING');
  });

  it('a PT evaluation is physical therapy, a surgical evaluation is a consultation', () => {
    expect(classifyTreatment('Physical therapy evaluation').treatment).toBe('physical therapy');
    expect(classifyTreatment('Orthopedic surgeon evaluation').category).toBe('EVALUATION_MANAGEMENT');
  });

  it('a word inside a longer word does not match ("pet" in "competent", "ct" in "actual")', () => {
    expect(classifyTreatment('Competent actual review').category).toBe('OTHER');
  });
});

describe('classifyTreatment: no match', () => {
  it('keeps the heading lower case without amounts, schedule, sides or body parts', () => {
    expect(classifyTreatment('Six (6) sessions of Feldenkrais for the right shoulder 2x/week')).toEqual({
      category: 'OTHER',
      treatment: 'feldenkrais',
      drug: null,
    });
  });

  it('keeps the whole heading when nothing else is left', () => {
    expect(classifyTreatment('  12   SESSIONS ')).toEqual({
      category: 'OTHER',
      treatment: '12 sessions',
      drug: null,
    });
  });

  it('an empty heading is OTHER with an empty treatment', () => {
    expect(classifyTreatment('')).toEqual({ category: 'OTHER', treatment: '', drug: null });
  });

  it('returns a fresh object each time (callers may change it)', () => {
    const first = classifyTreatment('Dilaudid 4mg #90');
    first.drug!.dispensed = 1;
    expect(classifyTreatment('Dilaudid 4mg #90').drug!.dispensed).toBe(90);
  });
});

describe('treatment dictionary data', () => {
  it('lists each phrase under one treatment only, and no ignored phrase hides a treatment', () => {
    const owner = new Map<string, string>();
    const problems: string[] = [];
    for (const entry of TREATMENTS) {
      for (const phrase of entry.phrases) {
        const key = phraseTerms(phrase).join(' ');
        const earlier = owner.get(key);
        if (earlier !== undefined && earlier !== entry.treatment)
          problems.push(`${phrase}: ${earlier}, ${entry.treatment}`);
        owner.set(key, entry.treatment);
      }
    }
    for (const phrase of NON_TREATMENT_PHRASES) {
      const key = phraseTerms(phrase).join(' ');
      if (owner.has(key)) problems.push(`${phrase} is ignored but means ${owner.get(key)}`);
    }
    expect(problems).toEqual([]);
  });
});

describe('drugs the dictionary does not know', () => {
  it('a heading with a dose is a drug named as written', () => {
    expect(classifyTreatment('Xylofen 10mg tablets #30')).toEqual({
      category: 'PHARMACEUTICAL',
      treatment: 'xylofen',
      drug: { name: 'Xylofen', generic: null, drugClass: 'OTHER', strength: '10 mg', dispensed: 30 },
    });
  });

  it('an unknown cream is a topical', () => {
    expect(classifyTreatment('Zorbatrol 5% cream').drug).toMatchObject({
      name: 'Zorbatrol cream',
      drugClass: 'TOPICAL',
    });
  });

  it('a medication with no name stays a medication with no drug', () => {
    expect(classifyTreatment('Unknown medication')).toEqual({
      category: 'PHARMACEUTICAL',
      treatment: 'medication',
      drug: null,
    });
  });

  it('without a dose an unknown word is not made a drug', () => {
    expect(classifyTreatment('Feldenkrais').category).toBe('OTHER');
  });
});
