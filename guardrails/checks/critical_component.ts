/**
 * critical_component: does the agreement concern "kritiske netkomponenter, systemer og værktøjer"
 * (§ 1, nr. 1), or their operation (§ 2, stk. 1: "herunder varetagelsen af driften heraf")?
 *
 * Quoted statute text is marked `// >` and is verbatim (a test checks it against the official text).
 */
import type { COMPONENTS, Facts } from '../facts.js';
import type { CheckTrace } from './types.js';

const NR_1 = '§ 1, nr. 1';
const OPERATION = '§ 2, stk. 1';
export const REFS = [NR_1, OPERATION] as const;

type Component = (typeof COMPONENTS)[number];

// § 1, nr. 1
// > Kritiske netkomponenter, systemer og værktøjer: Operations support-systemer, network
// > management-systemer og business support-systemer, der kan benyttes til at aflæse, ændre indhold af
// > eller dirigere data, som relaterer sig til slutbrugere, samt hardware, firmware og software, der
// > anvendes i eller i forbindelse med core-net i mobilnet, fastnet og internet eller i centrale routere
// > og servere i backbonenettene eller i kontrolenheder, som anvendes til styring i mobilnettenes radionet.
//
// § 2, stk. 1 (the operation of those components is part of the agreements reached)
// > at indgå en aftale, der vedrører kritiske netkomponenter, systemer og værktøjer, herunder
// > varetagelsen af driften heraf
const WHAT: Record<Component, { critical: boolean; da: string; en: string }> = {
  core_network: { critical: true, da: 'udstyr i core-nettet (kernenettet)', en: 'core-network equipment' },
  backbone_router: {
    critical: true,
    da: 'centrale routere i backbonenettet',
    en: 'central routers in the backbone network',
  },
  backbone_server: {
    critical: true,
    da: 'centrale servere i backbonenettet',
    en: 'central servers in the backbone network',
  },
  oss_bss_nms: {
    critical: true,
    da: 'OSS-, BSS- eller network management-systemer',
    en: 'operations support, business support or network management systems',
  },
  ran_control: {
    critical: true,
    da: 'kontrolenheder til styring af mobilnettets radionet',
    en: 'control units steering the mobile radio network',
  },
  operations_service: {
    critical: true,
    da: 'driften af kernenet, backbone, OSS/BSS/NMS eller radionettets styring',
    en: 'the operation of core network, backbone, OSS/BSS/NMS or radio-network control',
  },
  surveillance_camera: { critical: false, da: 'overvågningskameraer', en: 'surveillance cameras' },
  customer_equipment: {
    critical: false,
    da: 'udstyr hos kunderne (f.eks. hjemmeroutere, tv-bokse, telefoner)',
    en: "equipment at customers' premises (e.g. home routers, set-top boxes, handsets)",
  },
  office_it: { critical: false, da: 'almindeligt kontor-it', en: 'ordinary office IT' },
  other: { critical: false, da: 'udstyret', en: 'the equipment' },
};

export function criticalComponent(facts: Facts, _asOf: string): CheckTrace {
  const c = facts.component;
  if (c === undefined) {
    return {
      id: 'critical_component',
      result: 'unknown',
      citations: [NR_1],
      facts_used: [],
      missing: ['component'],
      detail: {
        da: 'det er ikke oplyst, hvilke komponenter eller ydelser aftalen vedrører',
        en: 'it is not known which components or services the agreement concerns',
      },
    };
  }
  const w = WHAT[c];
  return {
    id: 'critical_component',
    result: w.critical ? 'yes' : 'no',
    citations: c === 'operations_service' ? [NR_1, OPERATION] : [NR_1],
    facts_used: ['component'],
    missing: [],
    detail: w.critical
      ? {
          da: `aftalen vedrører ${w.da}, som er kritiske netkomponenter, systemer og værktøjer`,
          en: `the agreement concerns ${w.en}, which are critical network components, systems and tools`,
        }
      : {
          da: `${w.da} er ikke kritiske netkomponenter, systemer eller værktøjer`,
          en: `${w.en} are not critical network components, systems or tools`,
        },
  };
}
