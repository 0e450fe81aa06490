/**
 * Board certifications and subspecialties as IMR letters name them: one normal form each, with the spellings
 * and abbreviations seen for it. Matching is by whole words, longest phrase first, so "Physical Medicine and
 * Rehabilitation and Pain Medicine" is two names. "Orthopedic" is the normal form (letters use it more than
 * the board's "Orthopaedic").
 */
export interface SpecialtyEntry {
  name: string;
  synonyms: readonly string[];
}

export const SPECIALTIES: readonly SpecialtyEntry[] = [
  {
    name: 'Physical Medicine and Rehabilitation',
    synonyms: [
      'Physical Medicine and Rehabilitation',
      'Physical Medicine & Rehabilitation',
      'Physical Medicine and Rehab',
      'Physical Medicine and Rehabn',
      'Physical Medicine Rehabilitation',
      'Physical Med and Rehab',
      'Physical Medicine',
      'PM&R',
      'PMR',
      'PM and R',
      'Physiatry',
      'Physiatrist',
    ],
  },
  { name: 'Pain Medicine', synonyms: ['Pain Medicine', 'Pain Management', 'Interventional Pain Medicine'] },
  {
    name: 'Anesthesiology',
    synonyms: ['Anesthesiology', 'Anaesthesiology', 'Anesthesia', 'Anesthesiologist'],
  },
  {
    name: 'Orthopedic Surgery',
    synonyms: [
      'Orthopedic Surgery',
      'Orthopaedic Surgery',
      'Orthopedics',
      'Orthopaedics',
      'Orthopedic Surgeon',
      'Orthopaedic Surgeon',
      'Orthopedic',
      'Orthopaedic',
    ],
  },
  { name: 'Family Medicine', synonyms: ['Family Medicine', 'Family Practice', 'Family Physician'] },
  { name: 'Internal Medicine', synonyms: ['Internal Medicine', 'Internist'] },
  {
    name: 'Occupational Medicine',
    synonyms: ['Occupational Medicine', 'Occupational and Environmental Medicine', 'Occupational Health'],
  },
  { name: 'Preventive Medicine', synonyms: ['Preventive Medicine', 'Preventative Medicine'] },
  {
    // The third specialty area of the preventive medicine board, beside occupational and aerospace medicine.
    name: 'Public Health and General Preventive Medicine',
    synonyms: ['Public Health and General Preventive Medicine', 'General Preventive Medicine'],
  },
  { name: 'Psychiatry', synonyms: ['Psychiatry', 'Psychiatrist', 'Psychiatry and Neurology'] },
  {
    name: 'Psychology',
    synonyms: [
      'Psychology',
      'Psychologist',
      'Licensed Psychologist',
      'Clinical Psychology',
      'Clinical Psychologist',
    ],
  },
  { name: 'Neurology', synonyms: ['Neurology', 'Neurologist'] },
  {
    name: 'Neurological Surgery',
    synonyms: ['Neurological Surgery', 'Neurosurgery', 'Neurosurgeon', 'Neurological Surgeon'],
  },
  {
    name: 'Chiropractic',
    synonyms: [
      'Chiropractic',
      'Chiropractor',
      'Doctor of Chiropractic',
      'Chiropractic Medicine',
      'Chiropractic Sports Physician',
    ],
  },
  {
    name: 'Acupuncture',
    synonyms: [
      'Acupuncture',
      'Acupuncturist',
      'Licensed Acupuncturist',
      'Acupuncture and Oriental Medicine',
      'Oriental Medicine',
    ],
  },
  { name: 'Emergency Medicine', synonyms: ['Emergency Medicine'] },
  {
    name: 'Plastic Surgery',
    synonyms: ['Plastic Surgery', 'Plastic and Reconstructive Surgery', 'Plastic Surgeon'],
  },
  { name: 'Hand Surgery', synonyms: ['Hand Surgery', 'Surgery of the Hand', 'Hand Surgeon'] },
  { name: 'Rheumatology', synonyms: ['Rheumatology', 'Rheumatologist'] },
  { name: 'Sports Medicine', synonyms: ['Sports Medicine'] },
  {
    name: 'Podiatry',
    synonyms: [
      'Podiatry',
      'Podiatric Medicine',
      'Podiatric Surgery',
      'Podiatrist',
      'Foot and Ankle Surgery',
      'Podiatric Medicine and Surgery',
    ],
  },
  { name: 'Physical Therapy', synonyms: ['Physical Therapy', 'Physical Therapist', 'Physiotherapy'] },
  { name: 'Occupational Therapy', synonyms: ['Occupational Therapy', 'Occupational Therapist'] },
  {
    name: 'Dentistry',
    synonyms: ['Dentistry', 'Dentist', 'Dental Medicine', 'Oral and Maxillofacial Surgery', 'Orofacial Pain'],
  },
  { name: 'General Surgery', synonyms: ['General Surgery', 'Surgery', 'General Surgeon'] },
  { name: 'Ophthalmology', synonyms: ['Ophthalmology', 'Ophthalmologist'] },
  {
    name: 'Otolaryngology',
    synonyms: [
      'Otolaryngology',
      'Otolaryngology Head and Neck Surgery',
      'Otorhinolaryngology',
      'ENT',
      'Ear Nose and Throat',
    ],
  },
  { name: 'Urology', synonyms: ['Urology', 'Urologist'] },
  { name: 'Cardiology', synonyms: ['Cardiology', 'Cardiovascular Disease', 'Cardiologist'] },
  {
    name: 'Pulmonary Medicine',
    synonyms: ['Pulmonary Medicine', 'Pulmonary Disease', 'Pulmonology', 'Pulmonary'],
  },
  { name: 'Critical Care Medicine', synonyms: ['Critical Care Medicine', 'Critical Care'] },
  { name: 'Gastroenterology', synonyms: ['Gastroenterology'] },
  { name: 'Endocrinology', synonyms: ['Endocrinology', 'Endocrinology Diabetes and Metabolism'] },
  { name: 'Nephrology', synonyms: ['Nephrology'] },
  { name: 'Infectious Disease', synonyms: ['Infectious Disease', 'Infectious Diseases'] },
  { name: 'Hematology', synonyms: ['Hematology'] },
  { name: 'Oncology', synonyms: ['Oncology', 'Medical Oncology', 'Hematology and Oncology'] },
  { name: 'Dermatology', synonyms: ['Dermatology'] },
  { name: 'Allergy and Immunology', synonyms: ['Allergy and Immunology', 'Allergy', 'Immunology'] },
  {
    name: 'Obstetrics and Gynecology',
    synonyms: ['Obstetrics and Gynecology', 'Obstetrics & Gynecology', 'OB/GYN', 'Gynecology'],
  },
  { name: 'Pediatrics', synonyms: ['Pediatrics', 'Paediatrics'] },
  { name: 'Radiology', synonyms: ['Radiology', 'Diagnostic Radiology', 'Radiologist'] },
  { name: 'Neuroradiology', synonyms: ['Neuroradiology'] },
  { name: 'Nuclear Medicine', synonyms: ['Nuclear Medicine'] },
  { name: 'Pathology', synonyms: ['Pathology'] },
  { name: 'Geriatric Medicine', synonyms: ['Geriatric Medicine', 'Geriatrics'] },
  { name: 'Vascular Surgery', synonyms: ['Vascular Surgery'] },
  { name: 'Thoracic Surgery', synonyms: ['Thoracic Surgery', 'Cardiothoracic Surgery'] },
  { name: 'Colon and Rectal Surgery', synonyms: ['Colon and Rectal Surgery'] },
  { name: 'Spine Surgery', synonyms: ['Spine Surgery', 'Spinal Surgery', 'Orthopedic Spine Surgery'] },
  { name: 'Addiction Medicine', synonyms: ['Addiction Medicine', 'Addiction Psychiatry'] },
  { name: 'Sleep Medicine', synonyms: ['Sleep Medicine'] },
  { name: 'Clinical Neurophysiology', synonyms: ['Clinical Neurophysiology'] },
  {
    name: 'Electrodiagnostic Medicine',
    synonyms: ['Electrodiagnostic Medicine', 'Electrodiagnosis', 'Electromyography'],
  },
  {
    name: 'Hospice and Palliative Medicine',
    synonyms: ['Hospice and Palliative Medicine', 'Palliative Medicine', 'Palliative Care'],
  },
  { name: 'Toxicology', synonyms: ['Toxicology', 'Medical Toxicology'] },
  { name: 'Nursing', synonyms: ['Nursing', 'Registered Nurse', 'Nurse Practitioner'] },
  { name: 'Pharmacy', synonyms: ['Pharmacy', 'Pharmacology', 'Clinical Pharmacology', 'Pharmacist'] },
  { name: 'Audiology', synonyms: ['Audiology'] },
  {
    name: 'Speech-Language Pathology',
    synonyms: ['Speech-Language Pathology', 'Speech Language Pathology', 'Speech Pathology'],
  },
  { name: 'Optometry', synonyms: ['Optometry'] },
];

export const SUBSPECIALTIES: readonly SpecialtyEntry[] = [
  {
    name: 'Interventional Spine',
    synonyms: ['Interventional Spine', 'Interventional Spine Medicine', 'Interventional Spinal Medicine'],
  },
  {
    name: 'Pain Medicine',
    synonyms: [
      'Pain Medicine',
      'Pain Management',
      'Interventional Pain Medicine',
      'Interventional Pain Management',
      'Pain',
    ],
  },
  {
    name: 'Spine Surgery',
    synonyms: ['Spine Surgery', 'Spinal Surgery', 'Spine', 'Orthopedic Spine Surgery'],
  },
  { name: 'Sports Medicine', synonyms: ['Sports Medicine'] },
  {
    name: 'Hand Surgery',
    synonyms: [
      'Hand Surgery',
      'Surgery of the Hand',
      'Hand and Upper Extremity Surgery',
      'Hand and Upper Extremity',
    ],
  },
  { name: 'Foot and Ankle Surgery', synonyms: ['Foot and Ankle Surgery', 'Foot and Ankle'] },
  { name: 'Shoulder and Elbow Surgery', synonyms: ['Shoulder and Elbow Surgery', 'Shoulder and Elbow'] },
  {
    name: 'Joint Replacement',
    synonyms: ['Joint Replacement', 'Adult Reconstruction', 'Adult Reconstructive Surgery', 'Arthroplasty'],
  },
  { name: 'Trauma Surgery', synonyms: ['Trauma Surgery', 'Orthopedic Trauma', 'Trauma'] },
  { name: 'Spinal Cord Injury Medicine', synonyms: ['Spinal Cord Injury Medicine', 'Spinal Cord Injury'] },
  { name: 'Brain Injury Medicine', synonyms: ['Brain Injury Medicine', 'Brain Injury'] },
  { name: 'Neuromuscular Medicine', synonyms: ['Neuromuscular Medicine'] },
  {
    name: 'Electrodiagnostic Medicine',
    synonyms: ['Electrodiagnostic Medicine', 'Electrodiagnosis', 'Electromyography'],
  },
  { name: 'Clinical Neurophysiology', synonyms: ['Clinical Neurophysiology'] },
  { name: 'Addiction Medicine', synonyms: ['Addiction Medicine', 'Addiction Psychiatry'] },
  { name: 'Sleep Medicine', synonyms: ['Sleep Medicine'] },
  { name: 'Headache Medicine', synonyms: ['Headache Medicine', 'Headache'] },
  {
    name: 'Hospice and Palliative Medicine',
    synonyms: ['Hospice and Palliative Medicine', 'Palliative Medicine', 'Palliative Care'],
  },
  { name: 'Geriatric Medicine', synonyms: ['Geriatric Medicine', 'Geriatrics'] },
  {
    name: 'Occupational Medicine',
    synonyms: ['Occupational Medicine', 'Occupational and Environmental Medicine'],
  },
  { name: 'Forensic Psychiatry', synonyms: ['Forensic Psychiatry'] },
  { name: 'Psychosomatic Medicine', synonyms: ['Psychosomatic Medicine', 'Consultation-Liaison Psychiatry'] },
  { name: 'Child and Adolescent Psychiatry', synonyms: ['Child and Adolescent Psychiatry'] },
  { name: 'Neuropsychology', synonyms: ['Neuropsychology', 'Clinical Neuropsychology'] },
  { name: 'Health Psychology', synonyms: ['Health Psychology', 'Pain Psychology'] },
  { name: 'Vascular Neurology', synonyms: ['Vascular Neurology'] },
  { name: 'Critical Care Medicine', synonyms: ['Critical Care Medicine', 'Critical Care'] },
  { name: 'Rheumatology', synonyms: ['Rheumatology'] },
  { name: 'Cardiovascular Disease', synonyms: ['Cardiovascular Disease', 'Cardiology'] },
  { name: 'Pulmonary Disease', synonyms: ['Pulmonary Disease', 'Pulmonary Medicine'] },
  { name: 'Gastroenterology', synonyms: ['Gastroenterology'] },
  { name: 'Endocrinology', synonyms: ['Endocrinology'] },
  { name: 'Nephrology', synonyms: ['Nephrology'] },
  { name: 'Medical Toxicology', synonyms: ['Medical Toxicology', 'Toxicology'] },
  {
    name: 'Undersea and Hyperbaric Medicine',
    synonyms: ['Undersea and Hyperbaric Medicine', 'Hyperbaric Medicine'],
  },
  { name: 'Pediatric Rehabilitation Medicine', synonyms: ['Pediatric Rehabilitation Medicine'] },
  { name: 'Spine Medicine', synonyms: ['Spine Medicine', 'Non-operative Spine', 'Nonoperative Spine'] },
];
