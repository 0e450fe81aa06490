// Sentences written for the generator (none taken from a letter) that lengthen case summaries and rationales
// to the lengths measured on the real letters. They state nothing the parse contract reads: no date, age,
// sex, diagnosis list, decision, guideline or treatment request, so the truth stays what the other sentences
// say.

export const SUMMARY_PROSE: readonly string[] = [
  'The records include progress reports from the primary treating physician over the preceding months.',
  'Pain was described as constant and aching, worse with bending, lifting and prolonged sitting.',
  'The injured worker reported difficulty sleeping because of pain and stiffness.',
  'Examination showed tenderness to palpation over the paravertebral muscles with guarding.',
  'Range of motion was reduced in flexion and extension, limited by pain at the end of range.',
  'Motor strength was graded as slightly reduced, and sensation was intact to light touch.',
  'Reflexes were symmetric, and no clonus was elicited.',
  'Straight leg raising was reported as negative on both sides.',
  'The treating physician documented a pain level of seven on a ten-point scale without medication.',
  'With medication the pain level was reported to fall to four on a ten-point scale.',
  'Work status was temporarily totally disabled at the time of the most recent visit.',
  'The injured worker was noted to be working with modified duties and restrictions on lifting.',
  'Previous imaging was referenced in the notes, but the report itself was not included in the file.',
  'Current medications were listed in the most recent note without dosing frequency.',
  'There was no documentation of a urine drug screen in the records available for review.',
  'A pain contract was reported to be on file with the treating physician.',
  'The injured worker described numbness and tingling radiating into one extremity at times.',
  'Gait was described as antalgic, and the injured worker was able to heel and toe walk.',
  'No new injury or change in the mechanism of symptoms was described in the recent reports.',
  'The injured worker reported that activities of daily living such as dressing and household chores remained limited.',
  'Functional goals were not specified in the most recent treatment plan.',
  'The treating physician noted that the injured worker wished to avoid surgical intervention.',
  'Palpation revealed muscle spasm, and the injured worker reported pain with rotation.',
  'The notes describe an improvement in walking tolerance from ten to twenty minutes.',
  'The file contains a request for authorization listing the services under review.',
  'Vital signs were within normal limits at the most recent examination.',
  'The injured worker reported side effects of drowsiness and constipation with medication.',
  'The records indicate that a home exercise program had been taught, with variable adherence.',
];

export const RATIONALE_PROSE: readonly string[] = [
  'The medical records provided for review were examined in full.',
  'The documentation does not quantify the response to the treatment already provided.',
  'There is no clear description of functional goals that the requested service would achieve.',
  'Objective measures of improvement, such as range of motion or strength testing, are not reported over time.',
  'The treating physician does not explain why continued treatment would produce a different result.',
  'The records do not describe any red flag findings, progressive neurologic deficit or new trauma.',
  'The injured worker has already been provided with instruction in an independent program of exercise.',
  'There is insufficient detail regarding the frequency, duration and goals of the proposed treatment.',
  'A comparison of pain scores before and after prior treatment is not provided.',
  'The request does not specify the body part to be treated or the number of sessions.',
  'The notes do not reflect a change in work status or a reduction in restrictions.',
  'The clinical findings documented at the latest examination are unchanged from earlier reports.',
  'No exceptional circumstances are documented that would support care beyond the usual recommendations.',
  'The evidence reviewed supports a time-limited trial with reassessment of objective benefit.',
  'Treatment that provides only transient relief is not supported for long-term use.',
  'Documentation of monitoring for adverse effects and aberrant behavior is incomplete.',
  'The records show that symptoms persisted despite several months of conservative care.',
  'The reviewer considered the injured worker history, the examination findings and the stated plan.',
  'The request is not accompanied by a rationale from the treating physician addressing these points.',
  'There is documentation of ongoing participation in care, with regular follow-up visits.',
  'The physical examination findings correlate with the reported symptoms.',
  'The file does not indicate whether less costly alternatives have been tried and failed.',
  'Continued care should be guided by measurable gains in function rather than by pain scores alone.',
  'The documented findings do not establish an indication that would change the plan of care.',
];

/**
 * `sentences` followed by prose sentences while that brings the text nearer to `length` characters, in an
 * order drawn each time and never repeated: the pool's length caps the lengthening.
 */
export function lengthened(
  sentences: readonly string[],
  pool: readonly string[],
  length: number,
  pick: (count: number) => number,
): string[] {
  const out = [...sentences];
  let size = out.reduce((sum, sentence) => sum + sentence.length + 1, -1);
  const order = pool.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = pick(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  for (const index of order) {
    const sentence = pool[index]!;
    // Stop where one more sentence would overshoot by more than the text now falls short.
    if (size + (sentence.length + 1) / 2 >= length) break;
    out.push(sentence);
    size += sentence.length + 1;
  }
  return out;
}
